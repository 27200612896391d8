package io.leadexport.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.leadexport.security.ExportUser;
import io.leadexport.security.RequesterKind;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The {@code export_jobs} table. Every state change that a worker makes is fenced by the attempt number it claimed,
 * so a worker whose lease ran out (its job re-queued and claimed again elsewhere) changes nothing.
 */
@Component
public class JobStore {

    private static final String COLUMNS = "id, status, trigger, requested_by, requested_roles, requester_kind, request::text as request, "
            + "destination, processed, total, rows_per_second, file_name, file_path, file_size, file_sha256, expires_at, "
            + "file_deleted_at, delivery, attempt, worker, cancel_requested, created_at, started_at, finished_at, error";

    private final JdbcTemplate jdbc;

    public JobStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Queues a job. A {@code source} (the inbox file, the schedule tick) may start one job only: a second insert with
     * the same source returns the existing job instead.
     */
    public ExportJob insert(String id, String trigger, ExportUser requester, String requestJson,
                            String destination, String source) {
        try {
            jdbc.update("insert into export_jobs (id, status, trigger, requested_by, requested_roles, requester_kind, "
                            + "request, destination, source) values (?::uuid, 'queued', ?, ?, ?, ?, ?::jsonb, ?, ?)",
                    id, trigger, requester.username(), String.join(",", requester.roles()), requester.kind().key(),
                    requestJson, destination, source);
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            return jdbc.query("select " + COLUMNS + " from export_jobs where source = ?", MAPPER, source).get(0);
        }
    }

    /** Frees a source that started a job before {@code before}, so it may start a new one (idempotency keys expire). */
    public void releaseSource(String source, Instant before) {
        jdbc.update("update export_jobs set source = null where source = ? and created_at < ?", source,
                timestamp(before));
    }

    public Optional<ExportJob> find(String id) {
        if (!isUuid(id)) {
            return Optional.empty();
        }
        return jdbc.query("select " + COLUMNS + " from export_jobs where id = ?::uuid", MAPPER, id).stream().findFirst();
    }

    /**
     * Newest first; {@code requestedBy} null means everyone's, a {@code kind} narrows it to that kind of requester
     * (null: any), no {@code statuses} means any status.
     */
    public List<ExportJob> list(String requestedBy, RequesterKind kind, List<String> statuses, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(requestedBy, kind, statuses, params);
        params.add(size);
        params.add((long) page * size);
        return jdbc.query("select " + COLUMNS + " from export_jobs" + where
                + " order by created_at desc, id limit ? offset ?", MAPPER, params.toArray());
    }

    public long count(String requestedBy) {
        return count(requestedBy, null, List.of());
    }

    public long count(String requestedBy, RequesterKind kind, List<String> statuses) {
        List<Object> params = new ArrayList<>();
        String where = where(requestedBy, kind, statuses, params);
        return jdbc.queryForObject("select count(*) from export_jobs" + where, Long.class, params.toArray());
    }

    private static String where(String requestedBy, RequesterKind kind, List<String> statuses, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (requestedBy != null) {
            conditions.add("requested_by = ?");
            params.add(requestedBy);
        }
        if (kind != null) {
            conditions.add("requester_kind = ?");
            params.add(kind.key());
        }
        if (!statuses.isEmpty()) {
            conditions.add("status = any(?)");
            params.add(statuses.toArray(String[]::new));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /**
     * Claims up to {@code limit} queued jobs, oldest first, for this worker. {@code SKIP LOCKED} lets several
     * instances claim at once without waiting on or taking each other's jobs.
     */
    public List<ExportJob> claim(String worker, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.query("update export_jobs set status = 'running', worker = ?, attempt = attempt + 1, "
                + "heartbeat_at = now(), started_at = now(), processed = 0 "
                + "where id in (select id from export_jobs where status = 'queued' order by created_at, id "
                + "limit ? for update skip locked) returning " + COLUMNS, MAPPER, worker, limit);
    }

    /**
     * Records progress and renews the lease.
     *
     * @return whether a cancel was asked for; empty when the job is no longer this attempt's to run (fenced)
     */
    public Optional<Boolean> heartbeat(String id, int attempt, long processed, long total, double rowsPerSecond) {
        return jdbc.query("update export_jobs set processed = ?, total = ?, rows_per_second = ?, heartbeat_at = now() "
                        + "where id = ?::uuid and attempt = ? and status = 'running' returning cancel_requested",
                (rs, n) -> rs.getBoolean(1), processed, total < 0 ? null : total, rowsPerSecond, id, attempt)
                .stream().findFirst();
    }

    /** Renews the lease of a job between its phases, leaving its progress as it is. */
    public Optional<Boolean> renew(String id, int attempt) {
        return jdbc.query("update export_jobs set heartbeat_at = now() where id = ?::uuid and attempt = ? "
                        + "and status = 'running' returning cancel_requested",
                (rs, n) -> rs.getBoolean(1), id, attempt).stream().findFirst();
    }

    public boolean isCancelRequested(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select cancel_requested from export_jobs where id = ?::uuid", Boolean.class, id));
    }

    public boolean succeeded(String id, int attempt, long rows, String fileName, String filePath, long fileSize,
                             String sha256, Instant expiresAt, String delivery, double rowsPerSecond) {
        return jdbc.update("update export_jobs set status = 'succeeded', processed = ?, total = coalesce(total, ?), "
                + "rows_per_second = ?, file_name = ?, file_path = ?, file_size = ?, file_sha256 = ?, expires_at = ?, "
                + "delivery = ?, finished_at = now(), heartbeat_at = null, error = null "
                + "where id = ?::uuid and attempt = ? and status = 'running'",
                rows, rows, rowsPerSecond, fileName, filePath, fileSize, sha256, timestamp(expiresAt), delivery,
                id, attempt) == 1;
    }

    /** Ends a running attempt as failed or cancelled. */
    public boolean finish(String id, int attempt, JobStatus status, long processed, String error) {
        return jdbc.update("update export_jobs set status = ?, processed = ?, finished_at = now(), heartbeat_at = null, "
                + "error = ? where id = ?::uuid and attempt = ? and status = 'running'",
                status.key(), processed, error, id, attempt) == 1;
    }

    /** Puts a running attempt back in the queue (this instance is shutting down). */
    public boolean requeue(String id, int attempt) {
        return jdbc.update("update export_jobs set status = 'queued', worker = null, heartbeat_at = null "
                + "where id = ?::uuid and attempt = ? and status = 'running'", id, attempt) == 1;
    }

    /** Cancels a job that has not started; false if it has. */
    public boolean cancelQueued(String id) {
        return jdbc.update("update export_jobs set status = 'cancelled', finished_at = now(), cancel_requested = true, "
                + "error = 'cancelled before it started' where id = ?::uuid and status = 'queued'", id) == 1;
    }

    /** Asks whichever instance runs the job to stop it; false if it is not running. */
    public boolean requestCancel(String id) {
        return jdbc.update("update export_jobs set cancel_requested = true where id = ?::uuid and status = 'running'",
                id) == 1;
    }

    public void fileDeleted(String id) {
        jdbc.update("update export_jobs set file_deleted_at = now() where id = ?::uuid and file_deleted_at is null", id);
    }

    /**
     * Running jobs whose worker stopped renewing its lease (the instance died): re-queued while they have attempts
     * left, failed after that. Returns the jobs that were failed, so their history can be recorded.
     */
    public List<ExportJob> recoverOrphans(Duration lease, int maxAttempts) {
        jdbc.update("update export_jobs set status = 'queued', worker = null, heartbeat_at = null "
                + "where status = 'running' and heartbeat_at < now() - ? * interval '1 millisecond' and attempt < ?",
                lease.toMillis(), maxAttempts);
        return jdbc.query("update export_jobs set status = 'failed', finished_at = now(), heartbeat_at = null, "
                + "error = 'the instance running it stopped, ' || attempt || ' times; not retried again' "
                + "where status = 'running' and heartbeat_at < now() - ? * interval '1 millisecond' and attempt >= ? "
                + "returning " + COLUMNS, MAPPER, lease.toMillis(), maxAttempts);
    }

    /** Succeeded jobs whose file is past its expiry and not yet deleted. */
    public List<ExportJob> expiredFiles(Instant now) {
        return jdbc.query("select " + COLUMNS + " from export_jobs where file_path is not null and file_deleted_at is null "
                + "and expires_at < ?", MAPPER, timestamp(now));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static boolean isUuid(String id) {
        return id != null && id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    private static final RowMapper<ExportJob> MAPPER = (ResultSet rs, int n) -> new ExportJob(
            rs.getString("id"),
            JobStatus.of(rs.getString("status")),
            rs.getString("trigger"),
            rs.getString("requested_by"),
            new HashSet<>(Arrays.asList(rs.getString("requested_roles").split(","))),
            RequesterKind.of(rs.getString("requester_kind")),
            rs.getString("request"),
            rs.getString("destination"),
            rs.getLong("processed"),
            (Long) rs.getObject("total"),
            (Double) rs.getObject("rows_per_second"),
            rs.getString("file_name"),
            rs.getString("file_path"),
            (Long) rs.getObject("file_size"),
            rs.getString("file_sha256"),
            instant(rs, "expires_at"),
            instant(rs, "file_deleted_at"),
            rs.getString("delivery"),
            rs.getInt("attempt"),
            rs.getString("worker"),
            rs.getBoolean("cancel_requested"),
            instant(rs, "created_at"),
            instant(rs, "started_at"),
            instant(rs, "finished_at"),
            rs.getString("error"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
