package io.leadexport.trigger;

import io.leadexport.export.ExchangeKeys;
import io.leadexport.export.ExportSteps;
import io.leadexport.history.ExportNotifications;
import io.leadexport.job.ExportJob;
import io.leadexport.job.JobStatus;
import io.leadexport.job.ExportJobs;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.request.InvalidExportRequestException;
import io.leadexport.security.ExportUser;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The schedule trigger's steps ({@code lead-export.schedules.<name>}). Every instance fires every tick; a tick becomes
 * a job only once, because its source ({@code schedule:<name>:<fire time>}) is unique. Incremental schedules ask for
 * the leads updated since their watermark, which {@link #delivered} moves forward only after a successful delivery.
 */
@Component("scheduledExports")
public class ScheduledExports {

    private static final Logger log = LoggerFactory.getLogger(ScheduledExports.class);

    private final Map<String, TriggerProperties.Schedule> schedules;
    private final ExportRequestParser parser;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final ExportNotifications notifications;

    public ScheduledExports(TriggerProperties properties, ExportRequestParser parser, ObjectMapper json,
                            DataSource dataSource, ExportNotifications notifications) {
        this.notifications = notifications;
        this.schedules = properties.schedules();
        this.parser = parser;
        this.json = json;
        this.jdbc = new JdbcTemplate(dataSource);
        schedules.forEach(this::check);
    }

    public Map<String, TriggerProperties.Schedule> all() {
        return schedules;
    }

    /** A tick: the request to queue, or null when this schedule's previous run has not finished yet. */
    public ExportRequest tick(@ExchangeProperty(ExchangeKeys.SCHEDULE) String name, @Header("scheduledFireTime") Date fireTime,
                              Exchange exchange) {
        TriggerProperties.Schedule schedule = schedules.get(name);
        Boolean busy = jdbc.queryForObject("select exists (select 1 from export_jobs where trigger = 'schedule' "
                + "and requested_by = ? and status in ('queued', 'running'))", Boolean.class, name);
        if (Boolean.TRUE.equals(busy)) {
            log.info("Schedule {}: the previous run has not finished; this tick is skipped", name);
            return null;
        }
        Instant firedFor = fireTime == null ? Instant.now() : fireTime.toInstant();
        exchange.setProperty(ExchangeKeys.USER, ExportUser.system(name));
        exchange.setProperty(ExchangeKeys.TRIGGER, "schedule");
        exchange.setProperty(ExchangeKeys.SOURCE, "schedule:" + name + ":" + firedFor);
        return request(name, schedule, watermark(name));
    }

    /** After a tick queued its job: the schedule's notify-on-failure addresses hear if it fails. */
    public void subscribeFailures(ExportJob job, @ExchangeProperty(ExchangeKeys.SCHEDULE) String name) {
        TriggerProperties.Schedule schedule = schedules.get(name);
        if (schedule != null) {
            notifications.subscribeFailures(job, schedule.notifyOnFailure());
        }
    }

    /**
     * A step of the finish route, with the job's final row: when it succeeded, an incremental schedule's watermark
     * moves to the start of that job (a failed or cancelled run leaves it, so the next run exports those leads).
     */
    public void advance(@ExchangeProperty(ExchangeKeys.JOB) ExportJob job) {
        TriggerProperties.Schedule schedule = schedules.get(job.requestedBy());
        if (job.status() != JobStatus.SUCCEEDED || !"schedule".equals(job.trigger()) || schedule == null || !schedule.incremental() || job.startedAt() == null) {
            return;
        }
        jdbc.update("insert into schedule_watermarks (schedule, updated_since, job_id) "
                + "select ?, started_at, id from export_jobs where id = ?::uuid and status = 'succeeded' and attempt = ? "
                + "on conflict (schedule) do update set updated_since = excluded.updated_since, job_id = excluded.job_id, "
                + "advanced_at = now() where schedule_watermarks.updated_since < excluded.updated_since",
                job.requestedBy(), job.id(), job.attempt());
    }

    public Optional<Instant> watermark(String name) {
        return jdbc.query("select updated_since from schedule_watermarks where schedule = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), name).stream().findFirst();
    }

    /** The schedule's request with its destination, narrowed to what changed since the watermark when incremental. */
    ExportRequest request(String name, TriggerProperties.Schedule schedule, Optional<Instant> watermark) {
        try {
            ObjectNode request = (ObjectNode) json.readTree(schedule.request());
            if (schedule.destination() != null) {
                request.put("destination", schedule.destination());
            }
            if (schedule.incremental() && watermark.isPresent()) {
                ObjectNode filter = request.has("filter") && request.get("filter").isObject()
                        ? (ObjectNode) request.get("filter") : request.putObject("filter");
                filter.put("updatedFrom", watermark.get().toString());
            }
            return parser.fromJson(json.writeValueAsString(request));
        } catch (InvalidExportRequestException e) {
            throw new IllegalArgumentException("lead-export.schedules." + name + ".request: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalArgumentException("lead-export.schedules." + name + ".request is not a JSON object: "
                    + e.getMessage(), e);
        }
    }

    private void check(String name, TriggerProperties.Schedule schedule) {
        if (!CronExpression.isValidExpression(schedule.cron())) {
            throw new IllegalArgumentException("lead-export.schedules." + name + ".cron '" + schedule.cron()
                    + "' is not a Quartz cron expression (seconds first, e.g. 0 0 2 * * ?)");
        }
        request(name, schedule, Optional.empty());
    }
}
