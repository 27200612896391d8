package io.leadexport.trigger;

import io.leadexport.export.ExportSteps;
import io.leadexport.job.ExportJob;
import io.leadexport.job.ExportJobs;
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
 * The schedule trigger's steps ({@code lead-export.schedules.<name>}). Every instance fires every tick; a tick becomes
 * a job only once, because its source ({@code schedule:<name>:<fire time>}) is unique. Incremental schedules ask for
 * the leads updated since their watermark, which {@link #delivered} moves forward only after a successful delivery.
 */
@Component("scheduledExports")
public class ScheduledExports {

    public static final String NAME = "scheduleName";
    private static final Logger log = LoggerFactory.getLogger(ScheduledExports.class);

    private final Schedules schedules;
    private final JdbcTemplate jdbc;

    public ScheduledExports(Schedules schedules, DataSource dataSource) {
        this.schedules = schedules;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Map<String, Schedule> all() {
        return schedules.all();
    }

    /** A tick: the request to queue, or null when this schedule's previous run has not finished yet. */
    public ExportRequest tick(@ExchangeProperty(NAME) String name, @Header("scheduledFireTime") Date fireTime,
                              Exchange exchange) {
        Boolean busy = jdbc.queryForObject("select exists (select 1 from export_jobs where trigger = 'schedule' "
                + "and requested_by = ? and status in ('queued', 'running'))", Boolean.class, name);
        if (Boolean.TRUE.equals(busy)) {
            log.info("Schedule {}: the previous run has not finished; this tick is skipped", name);
            return null;
        }
        Instant firedFor = fireTime == null ? Instant.now() : fireTime.toInstant();
        exchange.setProperty(ExportSteps.USER, ExportUser.system(name));
        exchange.setProperty(ExportSteps.TRIGGER, "schedule");
        exchange.setProperty(ExportJobs.SOURCE, "schedule:" + name + ":" + firedFor);
        return schedules.request(name, watermark(name));
    }

    /** After a job succeeded: an incremental schedule's watermark moves to the start of that job. */
    public void delivered(@ExchangeProperty(ExportJobs.JOB) ExportJob job) {
        Schedule schedule = schedules.get(job.requestedBy()).orElse(null);
        if (!"schedule".equals(job.trigger()) || schedule == null || !schedule.incremental() || job.startedAt() == null) {
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
}
