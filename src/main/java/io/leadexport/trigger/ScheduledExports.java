package io.leadexport.trigger;

import io.leadexport.export.ExchangeKeys;
import io.leadexport.history.ExportNotifications;
import io.leadexport.job.ExportJob;
import io.leadexport.job.JobStatus;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;


import io.leadexport.trigger.TriggerProperties.Schedule;
import io.leadexport.request.ExportRequest;
import io.leadexport.security.ExportUser;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The schedule trigger's steps ({@code lead-export.schedules.<name>}). A tick fires on one instance and becomes a job
 * only once, because its source ({@code schedule:<name>:<fire time>}) is unique. Incremental schedules ask for
 * the leads updated since their watermark, which {@link #advance} moves forward only after a successful delivery.
 */
@Component("scheduledExports")
public class ScheduledExports {

    private static final Logger log = LoggerFactory.getLogger(ScheduledExports.class);

    private final Schedules schedules;
    private final JdbcTemplate jdbc;
    private final ExportNotifications notifications;

    public ScheduledExports(Schedules schedules, DataSource dataSource, ExportNotifications notifications) {
        this.schedules = schedules;
        this.notifications = notifications;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Map<String, Schedule> all() {
        return schedules.all();
    }

    /**
     * A tick: the request to queue, or null when the schedule is paused or its previous run has not finished yet.
     * The tick fires on one instance (Quartz's clustered job store); its source keeps it one job even if it fired twice.
     */
    public ExportRequest tick(@ExchangeProperty(ExchangeKeys.SCHEDULE) String name, @Header("scheduledFireTime") Date fireTime,
                              Exchange exchange) {
        Instant firedFor = fireTime == null ? Instant.now() : fireTime.toInstant();
        log.info("Schedule {} fired for {}", name, firedFor);
        if (paused(name)) {
            log.info("Schedule {} is paused: this tick is skipped", name);
            return null;
        }
        if (busy(name)) {
            log.info("Schedule {}: the previous run has not finished; this tick is skipped", name);
            return null;
        }
        return start(name, "schedule:" + name + ":" + firedFor, exchange);
    }

    /**
     * Sets up the exchange for {@code direct:start-export} as a run of the schedule: requested by the schedule
     * itself, trigger {@code schedule}, with this source; the request comes from the configuration and the watermark.
     */
    ExportRequest start(String name, String source, Exchange exchange) {
        exchange.setProperty(ExchangeKeys.USER, ExportUser.schedule(name));
        exchange.setProperty(ExchangeKeys.TRIGGER, "schedule");
        exchange.setProperty(ExchangeKeys.SOURCE, source);
        return schedules.request(name, watermark(name));
    }

    /** Whether a run of the schedule is queued or running. */
    public boolean busy(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from export_jobs where trigger = "
                + "'schedule' and requested_by = ? and status in ('queued', 'running'))", Boolean.class, name));
    }

    public boolean paused(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from schedule_pauses where schedule = ?)", Boolean.class, name));
    }

    /** After a tick queued its job: the schedule's notify-on-failure addresses hear if it fails. */
    public void subscribeFailures(ExportJob job, @ExchangeProperty(ExchangeKeys.SCHEDULE) String name) {
        schedules.get(name).ifPresent(schedule -> notifications.subscribeFailures(job, schedule.notifyOnFailure()));
    }

    /**
     * A step of the finish route, with the job's final row: when it succeeded, an incremental schedule's watermark
     * moves to the start of that job (a failed or cancelled run leaves it, so the next run exports those leads).
     */
    public void advance(@ExchangeProperty(ExchangeKeys.JOB) ExportJob job) {
        Schedule schedule = schedules.get(job.requestedBy()).orElse(null);
        if (job.status() != JobStatus.SUCCEEDED || !"schedule".equals(job.trigger()) || schedule == null
                || !schedule.incremental() || job.startedAt() == null) {
            return;
        }
        jdbc.update("insert into schedule_watermarks (schedule, updated_since, job_id) "
                + "select ?, started_at, id from export_jobs where id = ?::uuid and status = 'succeeded' and attempt = ? "
                + "on conflict (schedule) do update set updated_since = excluded.updated_since, job_id = excluded.job_id, "
                + "advanced_at = now() where schedule_watermarks.updated_since < excluded.updated_since",
                job.requestedBy(), job.id(), job.attempt());
    }

    /** The latest run of a schedule (a tick's or a run now's). */
    public record LastRun(String jobId, String status, long rows, Instant finishedAt, String error) {
    }

    public Optional<LastRun> lastRun(String name) {
        return jdbc.query("select id, status, processed, finished_at, error from export_jobs where trigger = 'schedule' "
                        + "and requested_by = ? order by created_at desc limit 1",
                (rs, n) -> new LastRun(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5)),
                name).stream().findFirst();
    }

    public Optional<Instant> watermark(String name) {
        return jdbc.query("select updated_since from schedule_watermarks where schedule = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), name).stream().findFirst();
    }
}
