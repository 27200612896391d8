package io.leadexport.retention;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.leadexport.support.EndToEndTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each kind of record goes away once it is older than its retention, and nothing younger, nothing unfinished and
 * nothing of another kind goes with it. Retentions here are one day (each kind its own multiple, so that a sweep
 * using the wrong one is caught); records are made 2 days old or 1 hour old.
 */
@EndToEndTest
class RetentionSweepTest {

    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    private static final Instant TWO_DAYS_AGO = NOW.minus(Duration.ofDays(2));
    private static final Instant AN_HOUR_AGO = NOW.minus(Duration.ofHours(1));

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path folders;

    Path inbox;
    Path outbox;
    Path storage;
    String user;
    RetentionSweep sweep;

    @BeforeEach
    void setUp() throws Exception {
        inbox = Files.createDirectories(folders.resolve("inbox"));
        outbox = Files.createDirectories(folders.resolve("outbox"));
        storage = Files.createDirectories(folders.resolve("exports"));
        user = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        sweep = new RetentionSweep(dataSource, new RetentionProperties.Retention(Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1)),
                inbox, outbox);
    }

    @Test
    void finishedJobsGoWithTheirRequestAndFileAfterTheirRetention() throws Exception {
        String old = job("succeeded", TWO_DAYS_AGO, true);
        String oldFailed = job("failed", TWO_DAYS_AGO, false);
        String recent = job("succeeded", AN_HOUR_AGO, true);
        String running = job("running", null, false);
        Path oldFile = Path.of(jdbc.queryForObject("select file_path from export_jobs where id = ?::uuid",
                String.class, old));

        Map<String, Long> deleted = sweep.sweep();

        assertThat(deleted).containsEntry("jobs", 2L);
        assertThat(jobs()).containsExactlyInAnyOrder(recent, running);
        assertThat(oldFile.getParent()).doesNotExist();
        assertThat(Path.of(jdbc.queryForObject("select file_path from export_jobs where id = ?::uuid", String.class,
                recent))).exists();
        assertThat(oldFailed).isNotIn(jobs());
    }

    @Test
    void historyAndAuditRowsGoAfterTheirRetentionAndStayAppendOnly() {
        history(TWO_DAYS_AGO);
        history(AN_HOUR_AGO);
        audit(TWO_DAYS_AGO);
        audit(AN_HOUR_AGO);

        Map<String, Long> deleted = sweep.sweep();

        assertThat(deleted.get("history")).isGreaterThanOrEqualTo(1);
        assertThat(deleted.get("audit")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select finished_at from export_history where requested_by = ?", Timestamp.class,
                user)).extracting(Timestamp::toInstant).containsExactly(AN_HOUR_AGO);
        assertThat(jdbc.queryForList("select at from audit_log where actor = ?", Timestamp.class, user))
                .extracting(Timestamp::toInstant).containsExactly(AN_HOUR_AGO);
        // Outside the sweep, the tables are append-only as before, for old rows too.
        history(TWO_DAYS_AGO);
        assertThat(catchThrowable(() -> jdbc.update("delete from export_history where requested_by = ?", user)))
                .hasMessageContaining("export_history is append-only");
        assertThat(catchThrowable(() -> jdbc.update(
                "delete from export_history where requested_by = ? and finished_at < now() - interval '1 day'", user)))
                .hasMessageContaining("export_history is append-only");
    }

    @Test
    void inboxLogEntriesGoAfterTheirRetention() {
        String oldName = user + "-old.json";
        String recentName = user + "-recent.json";
        jdbc.update("insert into inbox_files (name, received_at, outcome, error) values (?, ?, 'refused', 'bad')",
                oldName, Timestamp.from(TWO_DAYS_AGO));
        jdbc.update("insert into inbox_files (name, received_at, outcome, error) values (?, ?, 'refused', 'bad')",
                recentName, Timestamp.from(AN_HOUR_AGO));

        Map<String, Long> deleted = sweep.sweep();

        assertThat(deleted.get("inboxLog")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select name from inbox_files where name like ?", String.class, user + "%"))
                .containsExactly(recentName);
    }

    @Test
    void theGuardLetsTheSweepDeleteOnlyRowsOlderThanItsCutoff() {
        audit(AN_HOUR_AGO);
        Throwable refused = catchThrowable(() -> new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource)).executeWithoutResult(
                        status -> {
                            jdbc.queryForObject("select set_config('lead_export.retention_cutoff', ?, true)",
                                    String.class, TWO_DAYS_AGO.toString());
                            jdbc.update("delete from audit_log where actor = ?", user);
                        }));
        assertThat(refused).hasMessageContaining("audit_log is append-only");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = ?", Long.class, user)).isOne();
    }

    @Test
    void inboxAndOutboxFilesGoAfterTheirRetention() throws Exception {
        Path oldDone = file(inbox.resolve(".done/old.json"), TWO_DAYS_AGO);
        Path newDone = file(inbox.resolve(".done/new.json"), AN_HOUR_AGO);
        Path oldError = file(inbox.resolve(".error/bad.json"), TWO_DAYS_AGO);
        Path oldReport = file(inbox.resolve(".error/bad.json.error.json"), TWO_DAYS_AGO);
        Path waiting = file(inbox.resolve("waiting.json"), TWO_DAYS_AGO);
        Path oldOut = file(outbox.resolve("leads_export_2024-01-01_000000.csv"), TWO_DAYS_AGO);
        Path newOut = file(outbox.resolve("leads_export_2024-01-02_000000.csv"), AN_HOUR_AGO);

        Map<String, Long> deleted = sweep.sweep();

        assertThat(deleted).containsEntry("inboxFiles", 3L).containsEntry("outboxFiles", 1L);
        assertThat(oldDone).doesNotExist();
        assertThat(oldError).doesNotExist();
        assertThat(oldReport).doesNotExist();
        assertThat(oldOut).doesNotExist();
        assertThat(newDone).exists();
        assertThat(newOut).exists();
        assertThat(waiting).as("a request not yet taken is not the sweep's").exists();
    }

    @Test
    void whileAnotherInstanceSweepsTheDatabaseIsLeftToIt() throws Exception {
        audit(TWO_DAYS_AGO);
        try (Connection other = dataSource.getConnection()) {
            other.createStatement().execute("select pg_advisory_lock(" + RetentionSweep.LOCK + ")");

            Map<String, Long> skipped = sweep.sweep();

            assertThat(skipped).doesNotContainKey("audit");
            assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = ?", Long.class, user))
                    .isOne();
            other.createStatement().execute("select pg_advisory_unlock(" + RetentionSweep.LOCK + ")");
        }

        assertThat(sweep.sweep().get("audit")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = ?", Long.class, user)).isZero();
    }

    private String job(String status, Instant finishedAt, boolean withFile) throws Exception {
        String id = UUID.randomUUID().toString();
        String path = null;
        if (withFile) {
            Path file = Files.createDirectories(storage.resolve(id)).resolve("leads_export_2024-01-01_000000.csv");
            Files.writeString(file, "Full Name\r\n");
            path = file.toString();
        }
        jdbc.update("insert into export_jobs (id, status, trigger, requested_by, requested_roles, request, destination, "
                        + "file_name, file_path, created_at, finished_at) values (?::uuid, ?, 'http', ?, 'MANAGER', "
                        + "'{\"filter\": {\"search\": \"Jane Doe\"}}'::jsonb, 'download', ?, ?, ?, ?)",
                id, status, user, withFile ? "leads_export_2024-01-01_000000.csv" : null, path,
                Timestamp.from(finishedAt == null ? NOW : finishedAt.minusSeconds(5)),
                finishedAt == null ? null : Timestamp.from(finishedAt));
        return id;
    }

    private java.util.List<String> jobs() {
        return jdbc.queryForList("select id::text from export_jobs where requested_by = ?", String.class, user);
    }

    private void history(Instant finishedAt) {
        jdbc.update("insert into export_history (job_id, finished_at, requested_by, trigger, format, template, fields, "
                + "filter, national_id, status, destination) values (gen_random_uuid(), ?, ?, 'http', 'csv', "
                + "'full', '[]', '{}', 'masked', 'succeeded', 'download')", Timestamp.from(finishedAt), user);
    }

    private void audit(Instant at) {
        jdbc.update("insert into audit_log (at, actor, action) values (?, ?, 'preview')", Timestamp.from(at), user);
    }

    private static Path file(Path path, Instant modified) throws Exception {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "{}");
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}
