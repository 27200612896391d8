package io.leadexport.job;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Background export jobs, {@code lead-export.jobs.*}, and how long their files are kept
 * ({@code lead-export.storage.retention}).
 *
 * The polling, heartbeat and retention-sweep intervals are read by the job routes, in milliseconds
 * ({@code lead-export.jobs.poll-interval-ms}, {@code heartbeat-interval-ms}, {@code recovery-interval-ms},
 * {@code lead-export.storage.sweep-interval-ms}).
 */
@Validated
@ConfigurationProperties("lead-export")
public record JobProperties(
        @DefaultValue @Valid Jobs jobs,
        @DefaultValue @Valid Retention storage) {

    /**
     * @param concurrency exports running at once on this instance
     * @param lease       a running job whose heartbeat is older than this is taken to be orphaned (its instance died)
     * @param maxAttempts an orphaned job is run again until it has been started this many times, then failed
     */
    public record Jobs(
            @DefaultValue("2") @Min(1) int concurrency,
            @DefaultValue("15s") Duration lease,
            @DefaultValue("3") @Min(1) int maxAttempts) {
    }

    /** @param retention a job's file is deleted this long after it finished */
    public record Retention(@DefaultValue("24h") Duration retention) {
    }
}
