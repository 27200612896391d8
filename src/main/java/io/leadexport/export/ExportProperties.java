package io.leadexport.export;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pipeline's part of {@code lead-export.*}: how it streams ({@code lead-export.export.fetch-size},
 * {@code chunk-size}, read by the {@code run-export} route) and where it writes ({@code lead-export.storage.directory}).
 */
@Validated
@ConfigurationProperties("lead-export")
public record ExportProperties(
        @DefaultValue @Valid Streaming export,
        @DefaultValue @Valid Storage storage) {

    public record Streaming(
            @DefaultValue("2000") @Min(1) int fetchSize,
            @DefaultValue("100") @Min(1) int chunkSize) {
    }

    /** @param directory where export files are written, one folder per run */
    public record Storage(@DefaultValue("./exports") Path directory) {
    }
}
