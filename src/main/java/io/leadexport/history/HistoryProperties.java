package io.leadexport.history;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The history sweep, {@code lead-export.history.*}; how often it runs is read by its route, in milliseconds
 * ({@code lead-export.history.sweep-interval-ms}).
 *
 * @param sweepGrace  a finished job gets its history row from the finish route's tap; only a job finished longer
 *                    ago than this without one is written by the sweep
 * @param sweepWindow how far back the sweep looks; keep it shorter than {@code lead-export.retention.history}, so
 *                    the sweep never writes again a row that retention deleted
 */
@Validated
@ConfigurationProperties("lead-export.history")
public record HistoryProperties(
        @DefaultValue("2m") Duration sweepGrace,
        @DefaultValue("7d") Duration sweepWindow) {
}
