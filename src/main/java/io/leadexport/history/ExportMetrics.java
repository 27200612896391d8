package io.leadexport.history;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Export metrics, counted where every finished export passes (the history route): {@code lead_export_exports_total}
 * by format, status and trigger, {@code lead_export_rows} and {@code lead_export_duration_seconds}.
 */
@Component("exportMetrics")
public class ExportMetrics {

    /**
     * Counter of notifications (e-mails) that could not be sent: {@code lead_export_notifications_failed_total}.
     * Whoever sends them increments it ({@link #notificationFailed()}); registered here so it shows from the start.
     */
    public static final String NOTIFICATIONS_FAILED = "lead.export.notifications.failed";

    private final MeterRegistry registry;
    private final Counter notificationsFailed;

    public ExportMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.notificationsFailed = Counter.builder(NOTIFICATIONS_FAILED)
                .description("Notifications that could not be sent").register(registry);
    }

    public void notificationFailed() {
        notificationsFailed.increment();
    }

    public void record(HistoryEvent event) {
        Counter.builder("lead.export.exports").description("Finished exports")
                .tag("format", event.format()).tag("status", event.status()).tag("trigger", event.trigger())
                .register(registry).increment();
        if (event.rows() != null) {
            DistributionSummary.builder("lead.export.rows").description("Rows per finished export").baseUnit("rows")
                    .tag("format", event.format()).tag("status", event.status())
                    .register(registry).record(event.rows());
        }
        if (event.durationMs() != null) {
            Timer.builder("lead.export.duration").description("Duration of finished exports")
                    .tag("format", event.format()).tag("status", event.status())
                    .register(registry).record(Duration.ofMillis(event.durationMs()));
        }
    }
}
