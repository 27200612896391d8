package io.leadexport.export;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How an export spreads over the machine's cores ({@code lead-export.pipeline.*}): one thread reads the cursor ahead,
 * chunks of rows are formatted in parallel, and the route's thread writes them in order (see {@link FormattedChunks}).
 *
 * @param formatThreads threads formatting chunks, shared by all exports of this instance, so that concurrent exports
 *                      share the cores instead of each claiming all of them; 0 means one per available core
 * @param chunksAhead   formatted or queued chunks one export may hold ahead of its writer; bounds its memory
 *                      (chunks-ahead × lead-export.export.chunk-size rows)
 */
@Validated
@ConfigurationProperties("lead-export.pipeline")
public record PipelineProperties(
        @DefaultValue("0") @Min(0) @Max(256) int formatThreads,
        @DefaultValue("8") @Min(1) @Max(1024) int chunksAhead) {

    /** The number of format threads to start: {@link #formatThreads}, or one per available core. */
    public int effectiveFormatThreads() {
        return formatThreads > 0 ? formatThreads : Runtime.getRuntime().availableProcessors();
    }
}
