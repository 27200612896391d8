package io.leadexport.database;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The database's part of {@code lead-export.*}: the embedded PostgreSQL, its demo leads, and the exports' own pool
 * ({@code lead-export.export.connection-pool-size}).
 */
@Validated
@ConfigurationProperties("lead-export")
public record DatabaseProperties(
        @DefaultValue @Valid Demo demo,
        @DefaultValue @Valid Database database,
        @DefaultValue @Valid ExportPool export) {

    /** Demo leads seeded into an empty table, on the embedded database only. */
    public record Demo(@DefaultValue("10000") @Min(0) int leads) {
    }

    /** The embedded PostgreSQL started when {@code spring.datasource.url} is not set. */
    public record Database(@DefaultValue("./data") Path embeddedDirectory) {
    }

    /**
     * The connections the streaming exports hold, each for as long as its export reads: background jobs and schedules
     * draw on {@code connection-pool-size}, synchronous downloads on a pool of their own
     * ({@code download-connection-pool-size}), so downloads never leave a nightly delivery without a connection.
     */
    public record ExportPool(
            @DefaultValue("6") @Min(1) int connectionPoolSize,
            @DefaultValue("4") @Min(1) int downloadConnectionPoolSize) {
    }
}
