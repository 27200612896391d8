package io.leadexport.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Records actions in the append-only audit log. Recording never blocks or fails the action: an entry goes into a
 * bounded queue and one writer thread inserts it. An entry that cannot be written (the queue is full, the database
 * refused it) is lost visibly: the {@value #LOST_METRIC} counter goes up and a WARN line names the action, user and
 * target (never the details, which may hold search text).
 *
 * <p>From an HTTP request, {@link #record(AuditAction, String, Map)} takes the user and the client's address from the
 * caller's authentication; elsewhere name them with {@link #recordAs} or
 * {@link #record(String, String, AuditAction, String, Map)}.
 */
@Component("auditLog")
public class AuditLog implements SmartLifecycle {

    /** Counter of audit entries that could not be written: {@code lead_export_audit_writes_lost_total}. */
    public static final String LOST_METRIC = "lead.export.audit.writes.lost";

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final BlockingQueue<AuditEntry> queue;
    private final Counter lost;
    private volatile boolean stopping;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private volatile Thread writer;

    public AuditLog(DataSource dataSource, ObjectMapper json, MeterRegistry registry, AuditProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
        this.queue = new LinkedBlockingQueue<>(properties.audit().queueCapacity());
        this.lost = Counter.builder(LOST_METRIC).description("Audit log entries that could not be written")
                .register(registry);
    }

    /** Records an action of the current HTTP caller: the user and address come from its authentication. */
    public void record(AuditAction action, String target, Map<String, ?> details) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        record(auth == null ? "unknown" : auth.getName(), addressOf(auth), action, target, details);
    }

    /**
     * Records an action done for {@code actor} (a user, or a schedule or the inbox acting as one); the address is the
     * current HTTP caller's, if the action came over HTTP.
     */
    public void recordAs(String actor, AuditAction action, String target, Map<String, ?> details) {
        record(actor, addressOf(SecurityContextHolder.getContext().getAuthentication()), action, target, details);
    }

    /** Records an action; {@code address} is the client's address, or null when it did not come over HTTP. */
    public void record(String actor, String address, AuditAction action, String target, Map<String, ?> details) {
        try {
            Map<String, Object> copy = details == null ? Map.of() : new LinkedHashMap<>(details);
            record(new AuditEntry(Instant.now(), actor, address, action, target, copy));
        } catch (RuntimeException e) {
            lost(action, actor, target, e.toString());
        }
    }

    public void record(AuditEntry entry) {
        if (queue.offer(entry)) {
            accepted.incrementAndGet();
        } else {
            lost(entry.action(), entry.actor(), entry.target(), "the audit queue is full");
        }
    }

    /** The client's address of an HTTP authentication (Basic, bearer token, session), or null. */
    public static String addressOf(Authentication auth) {
        return auth != null && auth.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    /**
     * Waits (at most 5 s) until every entry recorded so far is written or given up, so that what follows sees it in
     * the table (erasure redacts the table).
     */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long target = accepted.get();
        while (handled.get() < target && writer != null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Entries waiting to be written. */
    public int pending() {
        return queue.size();
    }

    private void writeLoop() {
        List<AuditEntry> batch = new ArrayList<>(BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                AuditEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                handled.addAndGet(batch.size());
                batch.clear();
            }
        }
    }

    private void write(List<AuditEntry> batch) {
        try {
            List<Object[]> rows = new ArrayList<>(batch.size());
            for (AuditEntry entry : batch) {
                rows.add(new Object[] {Timestamp.from(entry.at()), entry.actor(), entry.address(),
                        entry.action().key(), entry.target(), json.writeValueAsString(entry.details())});
            }
            jdbc.batchUpdate("insert into audit_log (at, actor, address, action, target, details) "
                    + "values (?, ?, ?, ?, ?, ?::jsonb)", rows);
        } catch (Exception e) {
            for (AuditEntry entry : batch) {
                lost(entry.action(), entry.actor(), entry.target(), e.toString());
            }
        }
    }

    private void lost(AuditAction action, String actor, String target, String reason) {
        lost.increment();
        log.warn("Audit entry lost: action={} user={} target={}: {}", action == null ? null : action.key(), actor,
                target, reason);
    }

    // The writer starts early and stops late (a low phase), so actions recorded while the rest shuts down are
    // still written; at stop, what is queued is written before the thread ends.

    @Override
    public void start() {
        stopping = false;
        Thread thread = new Thread(this::writeLoop, "audit-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    @Override
    public void stop() {
        stopping = true;
        Thread thread = writer;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer = null;
        int left = queue.size();
        if (left > 0) {
            queue.clear();
            lost.increment(left);
            log.warn("Audit entries lost at shutdown: {} not written", left);
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
