package io.leadexport.export;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * The threads exports run on besides the route's own: a reader per running export ({@code export-read-N}) and one
 * pool of format threads ({@code export-format-N}) shared by every export, sized to the cores. Sharing the pool is
 * what adapts an export's parallelism to the load: alone it gets every core, two at once take turns on the same
 * threads instead of doubling them.
 */
@Component
public class ExportWorkers {

    // Both carry the export's log context (job id, attempt) over from the route's thread.
    private final ExecutorService readers = ExportLogContext.propagating(
            Executors.newCachedThreadPool(named("export-read-")));
    private final ExecutorService formatters;
    private final int chunksAhead;

    public ExportWorkers(ExportProperties properties) {
        this.formatters = ExportLogContext.propagating(
                Executors.newFixedThreadPool(properties.export().effectiveFormatThreads(), named("export-format-")));
        this.chunksAhead = properties.export().chunksAhead();
    }

    ExecutorService readers() {
        return readers;
    }

    ExecutorService formatters() {
        return formatters;
    }

    int chunksAhead() {
        return chunksAhead;
    }

    @PreDestroy
    void stop() {
        readers.shutdown();
        formatters.shutdown();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
