package io.leadexport.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.apache.camel.ExchangeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Takes the exports of this instance in turns, so that however many run at once (background jobs, schedules,
 * downloads), only {@code lead-export.export.active-exports} of them work at any moment, each for a turn of
 * {@value #TURN_MS} ms before the next waiting one gets the turn (first come, first served).
 *
 * <p>Why: each export keeps several threads busy (its reader and its writer, the shared format pool, its PostgreSQL
 * backend). With eight exports at work on two cores the scheduler shares the CPU between some thirty busy threads,
 * and a thread that answers an API request gets a thirtieth of it: a request that needs 5 ms of CPU takes 80 ms, and
 * its slowest answers far longer. Taking turns keeps the busy threads few, so requests are answered at once, while the
 * exports together go as fast as before (the cores stay busy). An export that waits for its turn holds its cursor
 * open and has its next chunks read and formatted ahead (see {@link FormattedChunks}); nothing else of it runs.
 *
 * <p>The route's thread asks for the turn before it writes each chunk ({@link #take}) and gives it back when the export
 * ends, whatever the outcome ({@link #leave}). A cancelled export does not wait for a turn, so a cancel still stops it
 * within the 2 seconds the API promises.
 */
@Component("exportTurns")
public class ExportTurns {

    static final long TURN_MS = 500;
    private static final long CANCEL_CHECK_MS = 100;

    private final long turnNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Turns free now; guarded by {@link #lock}, as are the next two. */
    private int free;
    /** The runs that hold a turn now, with the time their turn began (System.nanoTime). */
    private final Map<String, Long> holders = new HashMap<>();
    /** The runs waiting for a turn, first come first. */
    private final List<String> waiting = new ArrayList<>();

    @Autowired
    public ExportTurns(ExportProperties properties) {
        this(properties.export().effectiveActiveExports(), TURN_MS);
    }

    ExportTurns(int activeExports, long turnMs) {
        this.free = activeExports;
        this.turnNanos = TimeUnit.MILLISECONDS.toNanos(turnMs);
    }

    /** Waits until the run holds a turn; a run whose turn has lasted {@value #TURN_MS} ms lets a waiting one go first. */
    public void take(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run) throws InterruptedException {
        take(run.id(), run::isCancelled);
    }

    /** Gives the run's turn back, if it holds one; runs on every path once the export has ended. */
    public void leave(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run) {
        if (run != null) {
            leave(run.id());
        }
    }

    /** @return whether the run holds a turn now (false only when it was cancelled while it waited) */
    boolean take(String runId, BooleanSupplier cancelled) throws InterruptedException {
        lock.lock();
        try {
            Long since = holders.get(runId);
            if (since != null) {
                if (System.nanoTime() - since < turnNanos) {
                    return true;
                }
                if (waiting.isEmpty()) {
                    holders.put(runId, System.nanoTime()); // nobody is waiting: another turn at once
                    return true;
                }
                holders.remove(runId);
                free++;
            }
            waiting.add(runId);
            changed.signalAll();
            try {
                // Its place in the line stays while it waits: the first ones take the free turns.
                while (waiting.indexOf(runId) >= free) {
                    if (cancelled.getAsBoolean()) {
                        return false;
                    }
                    changed.await(CANCEL_CHECK_MS, TimeUnit.MILLISECONDS);
                }
                free--;
                holders.put(runId, System.nanoTime());
                return true;
            } finally {
                waiting.remove(runId);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether an export is waiting for its turn. */
    boolean hasWaiting() {
        lock.lock();
        try {
            return !waiting.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    void leave(String runId) {
        lock.lock();
        try {
            if (holders.remove(runId) != null) {
                free++;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}
