package io.leadexport.export;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pipeline's part of {@code lead-export.*}: how it streams ({@code lead-export.export.fetch-size},
 * read by the {@code run-export} route, {@code chunk-size}, {@code format-threads}, {@code chunks-ahead}) and where it writes ({@code lead-export.storage.directory}).
 */
@Validated
@ConfigurationProperties("lead-export")
public record ExportProperties(
        @DefaultValue @Valid Streaming export,
        @DefaultValue @Valid Storage storage) {

    /**
     * @param formatThreads threads formatting chunks of rows ({@code export-format-N}), one pool shared by all exports
     *                      of this instance, so that concurrent exports share the cores instead of each claiming all
     *                      of them; 0 means one per available core
     * @param chunksAhead   chunks one export may hold read or formatted ahead of its writer: bounds its memory to
     *                      chunks-ahead × chunk-size rows
     * @param activeExports exports of this instance that work at any one moment, the others waiting for their turn
     *                      ({@link ExportTurns}), so that API requests keep finding a free core; 0 means half the
     *                      available cores, at least one
     */
    public record Streaming(
            @DefaultValue("2000") @Min(1) int fetchSize,
            @DefaultValue("100") @Min(1) int chunkSize,
            @DefaultValue("0") @Min(0) @Max(256) int formatThreads,
            @DefaultValue("8") @Min(1) @Max(1024) int chunksAhead,
            @DefaultValue("0") @Min(0) @Max(256) int activeExports) {

        /** The number of format threads to start: {@link #formatThreads}, or one per available core. */
        public int effectiveFormatThreads() {
            return formatThreads > 0 ? formatThreads : Runtime.getRuntime().availableProcessors();
        }

        /** The number of exports at work at once: {@link #activeExports}, or half the available cores, at least one. */
        public int effectiveActiveExports() {
            return activeExports > 0 ? activeExports : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }

    /** @param directory where export files are written, one folder per run */
    public record Storage(@DefaultValue("./exports") Path directory) {
    }
}
