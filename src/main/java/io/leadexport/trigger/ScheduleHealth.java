package io.leadexport.trigger;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.leadexport.request.RequestProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.quartz.CronExpression;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the schedules deliver: {@code /actuator/health/schedules} reports {@value #STALE} (not DOWN: the
 * instance itself is fine) when a schedule has had no successful run for two of its periods (the time between two
 * of its ticks), counted from its last success, or from its first run or this instance's start when it never
 * succeeded. Paused schedules are left aside. Also publishes {@code lead_export_schedule_last_success_seconds} per
 * schedule (epoch seconds; NaN while it never succeeded).
 */
@Component("schedulesHealthIndicator")
public class ScheduleHealth implements HealthIndicator {

    public static final String STALE = "STALE";

    private final JdbcTemplate jdbc;
    private final Map<String, TriggerProperties.Schedule> schedules;
    private final TimeZone zone;
    private final Instant started = Instant.now();

    public ScheduleHealth(DataSource dataSource, TriggerProperties triggers, RequestProperties request,
                          MeterRegistry registry) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.schedules = new TreeMap<>(triggers.schedules());
        this.zone = TimeZone.getTimeZone(request.zone());
        for (String name : schedules.keySet()) {
            Gauge.builder("lead.export.schedule.last.success", this, health -> health.lastSuccessEpochSeconds(name))
                    .description("When the schedule last delivered successfully (epoch seconds)")
                    .baseUnit("seconds").tag("schedule", name).register(registry);
        }
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> paused = pausedSchedules();
        boolean stale = false;
        Instant now = Instant.now();
        for (Map.Entry<String, TriggerProperties.Schedule> schedule : schedules.entrySet()) {
            String name = schedule.getKey();
            Instant lastSuccess = lastSuccess(name);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("cron", schedule.getValue().cron());
            state.put("lastSuccess", lastSuccess == null ? null : lastSuccess.toString());
            if (paused.contains(name)) {
                state.put("status", "paused");
            } else {
                Instant since = lastSuccess != null ? lastSuccess : firstRunOrStart(name);
                Duration period = period(schedule.getValue().cron(), since);
                boolean late = period != null && Duration.between(since, now).compareTo(period.multipliedBy(2)) > 0;
                state.put("status", late ? "stale" : "ok");
                if (late) {
                    state.put("noSuccessSince", since.toString());
                    stale = true;
                }
            }
            details.put(name, state);
        }
        return Health.status(stale ? new Status(STALE, "a schedule has not delivered for two of its periods")
                : Status.UP).withDetails(details).build();
    }

    double lastSuccessEpochSeconds(String name) {
        Instant last = lastSuccess(name);
        return last == null ? Double.NaN : last.toEpochMilli() / 1000.0;
    }

    private Instant lastSuccess(String name) {
        Timestamp last = jdbc.queryForObject("select max(finished_at) from export_history where trigger = 'schedule' "
                + "and requested_by = ? and status = 'succeeded'", Timestamp.class, name);
        return last == null ? null : last.toInstant();
    }

    private Instant firstRunOrStart(String name) {
        Timestamp first = jdbc.queryForObject("select min(finished_at) from export_history where trigger = 'schedule' "
                + "and requested_by = ?", Timestamp.class, name);
        return first == null || first.toInstant().isAfter(started) ? started : first.toInstant();
    }

    /** The schedules an operator paused (kept beside the configuration, see {@link ScheduleControl}). */
    private List<String> pausedSchedules() {
        return jdbc.queryForList("select schedule from schedule_pauses", String.class);
    }

    /** The time between the first two ticks after {@code from}; null for a cron that fires no more. */
    private Duration period(String cron, Instant from) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(zone);
            Date first = expression.getNextValidTimeAfter(Date.from(from));
            Date second = first == null ? null : expression.getNextValidTimeAfter(first);
            return second == null ? null : Duration.between(first.toInstant(), second.toInstant());
        } catch (ParseException e) {
            return null;
        }
    }
}
