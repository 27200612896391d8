package io.leadexport.trigger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.leadexport.job.ExportJob;

import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What became of each file the inbox took (a job, or refused with the reason), newest first, for the admin. */
@Component("inboxLog")
public class InboxLog {

    /** One file the inbox took. */
    public record Entry(String name, Instant receivedAt, String outcome, String jobId, String error) {
    }

    private final JdbcTemplate jdbc;

    public InboxLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * The file became this job (the body after {@code direct:start-export}). A file read again after its instance died
     * before moving it to {@code .done/} is the same job (its source): it stays listed once.
     */
    public void queued(ExportJob job, Exchange exchange) {
        UUID id = UUID.fromString(job.id());
        jdbc.update("insert into inbox_files (name, outcome, job_id) select ?, 'job', ? "
                        + "where not exists (select 1 from inbox_files where job_id = ?)",
                exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class), id, id);
    }

    void refused(String name, String error) {
        jdbc.update("insert into inbox_files (name, outcome, error) values (?, 'refused', ?)", name, error);
    }

    public List<Entry> page(int page, int size) {
        return jdbc.query("select name, received_at, outcome, job_id, error from inbox_files "
                        + "order by received_at desc, id desc limit ? offset ?",
                (rs, n) -> new Entry(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5)), size, (long) page * size);
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from inbox_files", Long.class);
    }
}
