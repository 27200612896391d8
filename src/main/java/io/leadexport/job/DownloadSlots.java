package io.leadexport.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.leadexport.export.ExchangeKeys;
import io.leadexport.security.ExportUser;
import io.leadexport.security.LimitsProperties;
import io.leadexport.security.UserLimitExceededException;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The running synchronous downloads, one row each in {@code export_downloads}, shared by every instance: at most
 * {@code lead-export.limits.running-downloads} per user (a 429 with {@code Retry-After} over that), renewed by this
 * instance's heartbeat while they run, and the record the storage sweep reads to know which download folders are
 * still in use. A row whose instance died stops counting once its heartbeat is older than the jobs' lease.
 */
@Component("downloadSlots")
public class DownloadSlots {

    private static final long RETRY_AFTER_SECONDS = 10;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int limit;
    private final Duration lease;
    private final String worker = UUID.randomUUID().toString();
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    public DownloadSlots(DataSource dataSource, LimitsProperties limits, JobProperties jobs) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.limit = limits.runningDownloads();
        this.lease = jobs.jobs().lease();
    }

    /** Takes a slot for the caller's download, or refuses with a 429; the slot's id becomes the run's id. */
    public void acquire(@ExchangeProperty(ExchangeKeys.USER) ExportUser user, Exchange exchange) {
        String id = UUID.randomUUID().toString();
        Boolean taken = transactions.execute(status -> {
            // One user's slots are counted and taken one at a time, on every instance.
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))::text", String.class,
                    "download:" + user.kind().key() + ":" + user.username());
            Long running = jdbc.queryForObject("select count(*) from export_downloads where requested_by = ? "
                    + "and requester_kind = ? and heartbeat_at > now() - ? * interval '1 millisecond'", Long.class,
                    user.username(), user.kind().key(), lease.toMillis());
            if (running != null && running >= limit) {
                return false;
            }
            jdbc.update("insert into export_downloads (id, requested_by, requester_kind, worker) values (?::uuid, ?, ?, ?)",
                    id, user.username(), user.kind().key(), worker);
            return true;
        });
        if (!Boolean.TRUE.equals(taken)) {
            throw new UserLimitExceededException("You already have " + limit + " downloads running, the most one user "
                    + "may have at once (lead-export.limits.running-downloads); try again when one has finished, "
                    + "or start a background export (POST).", RETRY_AFTER_SECONDS);
        }
        held.add(id);
        exchange.setProperty(ExchangeKeys.DOWNLOAD_ID, id);
    }

    /** Frees the exchange's slot, if it took one; runs on every path once the response is sent. */
    public void release(Exchange exchange) {
        String id = exchange.getProperty(ExchangeKeys.DOWNLOAD_ID, String.class);
        if (id != null && held.remove(id)) {
            jdbc.update("delete from export_downloads where id = ?::uuid", id);
        }
    }

    /** Renews the slots held here, so that other instances keep counting them and the sweep keeps their folders. */
    public void heartbeat() {
        if (!held.isEmpty()) {
            jdbc.update("update export_downloads set heartbeat_at = now() where worker = ?", worker);
        }
    }

    /**
     * Whether {@code id} is a download whose instance stopped renewing its slot (it crashed mid-download): its folder
     * is then the sweep's to remove. False for a running download, and for an id that is no download at all.
     */
    public boolean isStale(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from export_downloads "
                + "where id = ?::uuid and heartbeat_at < now() - ? * interval '1 millisecond')", Boolean.class,
                id, lease.toMillis()));
    }

    /** Forgets a stale download once its folder is gone. */
    public void forget(String id) {
        jdbc.update("delete from export_downloads where id = ?::uuid and heartbeat_at < now() - ? * interval "
                + "'1 millisecond'", id, lease.toMillis());
    }

    /** Forgets the stale slots that left no folder under {@code storage}. */
    public void forgetStaleWithoutFolder(Path storage) {
        for (String id : jdbc.queryForList("select id::text from export_downloads where heartbeat_at < now() - ? * "
                + "interval '1 millisecond'", String.class, lease.toMillis())) {
            if (!Files.exists(storage.resolve(id))) {
                forget(id);
            }
        }
    }
}
