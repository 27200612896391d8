package io.leadexport.export;

import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.MDC;

/**
 * The job id and attempt of the export a thread works for, in the logging MDC ({@code jobId}, {@code attempt}), so
 * every log line of an export can be picked out (the log pattern prints them; see {@code logging.pattern.level}).
 * Set where an export starts on a thread, carried over to the export's reader and format threads
 * ({@link #propagating}), and removed when the export is done with the thread.
 */
public final class ExportLogContext {

    public static final String JOB_ID = "jobId";
    public static final String ATTEMPT = "attempt";

    private ExportLogContext() {
    }

    public static void enter(String jobId, int attempt) {
        MDC.put(JOB_ID, jobId);
        MDC.put(ATTEMPT, Integer.toString(attempt));
    }

    public static void leave() {
        MDC.remove(JOB_ID);
        MDC.remove(ATTEMPT);
    }

    /** An executor whose tasks run with the MDC of the thread that handed them over, and leave none behind. */
    public static ExecutorService propagating(ExecutorService delegate) {
        return new AbstractExecutorService() {
            @Override
            public void execute(Runnable task) {
                Map<String, String> context = MDC.getCopyOfContextMap();
                delegate.execute(() -> {
                    if (context == null) {
                        MDC.clear();
                    } else {
                        MDC.setContextMap(context);
                    }
                    try {
                        task.run();
                    } finally {
                        MDC.clear();
                    }
                });
            }

            @Override
            public void shutdown() {
                delegate.shutdown();
            }

            @Override
            public List<Runnable> shutdownNow() {
                return delegate.shutdownNow();
            }

            @Override
            public boolean isShutdown() {
                return delegate.isShutdown();
            }

            @Override
            public boolean isTerminated() {
                return delegate.isTerminated();
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
                return delegate.awaitTermination(timeout, unit);
            }
        };
    }
}
