package io.leadexport.job;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The queue, as every instance sees it in the shared database: {@code lead_export_jobs_queued} (jobs waiting) and
 * {@code lead_export_jobs_queued_oldest_age_seconds} (how long the oldest has waited; 0 when none). Read at most once
 * a second, whatever the number of scrapes.
 */
@Component
public class JobQueueMetrics {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, 0, 0);

    public JobQueueMetrics(DataSource dataSource, MeterRegistry registry) {
        this.jdbc = new JdbcTemplate(dataSource);
        Gauge.builder("lead.export.jobs.queued", this, metrics -> metrics.current().queued())
                .description("Export jobs waiting for a worker").register(registry);
        Gauge.builder("lead.export.jobs.queued.oldest.age", this, metrics -> metrics.current().oldestAgeSeconds())
                .description("How long the oldest queued export job has waited").baseUnit("seconds").register(registry);
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        if (Duration.between(last.at(), Instant.now()).compareTo(FRESH) < 0) {
            return last;
        }
        Snapshot now = jdbc.queryForObject("select count(*) as queued, min(created_at) as oldest from export_jobs "
                + "where status = 'queued'", (rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    Instant at = Instant.now();
                    return new Snapshot(at, rs.getLong("queued"),
                            oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), at).toMillis() / 1000.0));
                });
        snapshot = now;
        return now;
    }

    private record Snapshot(Instant at, long queued, double oldestAgeSeconds) {
    }
}
