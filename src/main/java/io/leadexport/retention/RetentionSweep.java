package io.leadexport.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.leadexport.deliver.DeliveryProperties;
import io.leadexport.export.ExportFiles;
import io.leadexport.trigger.TriggerProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enforces {@code lead-export.retention.*}: deletes finished job records (and any file they still have), history
 * rows, audit entries and inbox log entries past their retention, and old request files in the inbox's
 * {@code .done/} and {@code .error/} folders and delivered files in the outbox.
 *
 * <p>Every instance runs it. The database part runs in one transaction under a PostgreSQL advisory lock, so with
 * several instances one sweeps and the others skip that round. The append-only guard of the history and the audit
 * log lets exactly this through: a transaction-local {@code lead_export.retention_cutoff}, and only rows older than
 * it. Folders are swept by every instance (each may have its own), which is harmless when they are shared.
 */
@Component("retentionSweep")
public class RetentionSweep {

    /** The advisory lock key of the sweep ("retentio" in ASCII). */
    static final long LOCK = 0x726574656e74696fL;
    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    private static final int CHUNK = 5000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RetentionProperties.Retention retention;
    private final Path inbox;
    private final Path outbox;

    @Autowired
    public RetentionSweep(DataSource dataSource, RetentionProperties retention, TriggerProperties triggers,
                          DeliveryProperties delivery) {
        this(dataSource, retention.retention(), Path.of(triggers.inbox().directory()),
                Path.of(delivery.inbox().outputDirectory()));
    }

    RetentionSweep(DataSource dataSource, RetentionProperties.Retention retention, Path inbox, Path outbox) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.retention = retention;
        this.inbox = inbox.toAbsolutePath().normalize();
        this.outbox = outbox.toAbsolutePath().normalize();
    }

    /** @return what was deleted, by kind; the database kinds are missing when another instance held the lock */
    public Map<String, Long> sweep() {
        Instant now = Instant.now();
        Map<String, Long> deleted = new LinkedHashMap<>();
        Map<String, Long> rows = transaction.execute(status -> sweepDatabase(now));
        if (rows != null) {
            deleted.putAll(rows);
        }
        deleted.put("inboxFiles", deleteOldFiles(inbox.resolve(".done"), now.minus(retention.inboxFiles()))
                + deleteOldFiles(inbox.resolve(".error"), now.minus(retention.inboxFiles())));
        deleted.put("outboxFiles", deleteOldFiles(outbox, now.minus(retention.outbox())));
        if (deleted.values().stream().anyMatch(n -> n > 0)) {
            log.info("Retention sweep deleted {}", deleted);
        }
        return deleted;
    }

    private Map<String, Long> sweepDatabase(Instant now) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            log.debug("Another instance is sweeping; skipping this round");
            return null;
        }
        Map<String, Long> deleted = new LinkedHashMap<>();
        deleted.put("jobs", deleteJobs(now.minus(retention.jobs())));
        deleted.put("history", deleteAppendOnly("export_history", "finished_at", now.minus(retention.history())));
        deleted.put("audit", deleteAppendOnly("audit_log", "at", now.minus(retention.audit())));
        deleted.put("inboxLog", (long) jdbc.update("delete from inbox_files where received_at < ?",
                Timestamp.from(now.minus(retention.inboxLog()))));
        return deleted;
    }

    /** Finished jobs (and their requests) past retention; a file a job still has goes with it. */
    private long deleteJobs(Instant cutoff) {
        long total = 0;
        while (true) {
            List<String> files = jdbc.query("delete from export_jobs where id in (select id from export_jobs "
                            + "where status in ('succeeded', 'failed', 'cancelled') and finished_at < ? limit ?) "
                            + "returning case when file_deleted_at is null then file_path end as file_path",
                    (rs, n) -> rs.getString("file_path"), java.sql.Timestamp.from(cutoff), CHUNK);
            for (String file : files) {
                if (file != null) {
                    ExportFiles.deleteDirectory(Path.of(file).getParent());
                }
            }
            total += files.size();
            if (files.size() < CHUNK) {
                return total;
            }
        }
    }

    /** Rows of an append-only table older than the cutoff: the guard lets these deletions, and only these, through. */
    private long deleteAppendOnly(String table, String timeColumn, Instant cutoff) {
        jdbc.queryForObject("select set_config('lead_export.retention_cutoff', ?, true)", String.class,
                cutoff.toString());
        try {
            long total = 0;
            while (true) {
                int n = jdbc.update("delete from " + table + " where id in (select id from " + table + " where "
                        + timeColumn + " < ?::timestamptz limit ?)", cutoff.toString(), CHUNK);
                total += n;
                if (n < CHUNK) {
                    return total;
                }
            }
        } finally {
            jdbc.queryForObject("select set_config('lead_export.retention_cutoff', '', true)", String.class);
        }
    }

    /** Regular files directly in a folder, last modified before the cutoff. */
    static long deleteOldFiles(Path folder, Instant cutoff) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        FileTime before = FileTime.from(cutoff);
        long deleted = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(file).compareTo(before) < 0 && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not sweep " + folder, e);
        }
        return deleted;
    }
}
