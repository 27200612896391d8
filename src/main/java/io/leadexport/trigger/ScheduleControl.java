package io.leadexport.trigger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.leadexport.audit.AuditAction;
import io.leadexport.audit.AuditLog;
import io.leadexport.request.ExportRequest;
import io.leadexport.security.ExportUser;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an admin does to a schedule, in one place: run it now, pause it, resume it. The configuration says what a
 * schedule does; a pause is state kept beside it in the database, so it holds on every instance and across restarts,
 * whatever the configuration becomes. Resuming does not replay the ticks skipped while paused: an incremental
 * schedule's next run delivers everything since its watermark.
 */
@Component("scheduleControl")
public class ScheduleControl {

    private static final Logger log = LoggerFactory.getLogger(ScheduleControl.class);

    private final Schedules schedules;
    private final ScheduledExports exports;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public ScheduleControl(Schedules schedules, ScheduledExports exports, DataSource dataSource, AuditLog audit) {
        this.schedules = schedules;
        this.exports = exports;
        this.jdbc = new JdbcTemplate(dataSource);
        this.audit = audit;
    }

    /** What became of an operation on a schedule. */
    public enum Outcome { DONE, NO_SUCH_SCHEDULE, BUSY }

    /**
     * Prepares a run now, one job like a tick's, for {@code direct:start-export}; the request is the exchange's new
     * body. A paused schedule may be run by hand.
     */
    public Outcome runNow(String name, ExportUser by, Exchange exchange) {
        if (schedules.get(name).isEmpty()) {
            return Outcome.NO_SUCH_SCHEDULE;
        }
        if (exports.busy(name)) {
            return Outcome.BUSY;
        }
        ExportRequest request = exports.start(name, "schedule:" + name + ":run-now:" + Instant.now() + ":"
                + UUID.randomUUID(), exchange);
        exchange.getMessage().setBody(request);
        log.info("Schedule {} run now by {}", name, by.username());
        audit.recordAs(by.username(), AuditAction.SCHEDULE_RUN, name, Map.of());
        return Outcome.DONE;
    }

    public Outcome pause(String name, ExportUser by) {
        if (schedules.get(name).isEmpty()) {
            return Outcome.NO_SUCH_SCHEDULE;
        }
        jdbc.update("insert into schedule_pauses (schedule, paused_by) values (?, ?) on conflict (schedule) do nothing",
                name, by.username());
        log.info("Schedule {} paused by {}", name, by.username());
        audit.recordAs(by.username(), AuditAction.SCHEDULE_PAUSE, name, Map.of());
        return Outcome.DONE;
    }

    public Outcome resume(String name, ExportUser by) {
        if (schedules.get(name).isEmpty()) {
            return Outcome.NO_SUCH_SCHEDULE;
        }
        jdbc.update("delete from schedule_pauses where schedule = ?", name);
        log.info("Schedule {} resumed by {}", name, by.username());
        audit.recordAs(by.username(), AuditAction.SCHEDULE_RESUME, name, Map.of());
        return Outcome.DONE;
    }
}
