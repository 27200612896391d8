package io.leadexport.export;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of one export, formatted in parallel and handed out in their original order: the ordered hand-off that
 * lets one export use every core while its file stays exactly as a single thread would write it.
 *
 * <p>A reader thread drains the cursor into chunks of {@code chunkSize} rows. Each chunk is queued as a future in
 * read order and formatted on the shared format pool. The consumer (the route's thread, which alone owns the writer)
 * takes the futures from the head of the queue, so chunks come out in read order however the formatting interleaves.
 * The queue holds at most {@code chunksAhead} chunks: the reader waits when the writer falls behind, so memory stays
 * bounded whatever the export's size.
 *
 * <p>A failure anywhere (reading, formatting one chunk) surfaces from {@link #next()} as it is. {@link #close()} stops
 * the reader, drops what was not written and waits for the reader to let go of the cursor, so the caller may release
 * the cursor's connection right after; it runs on every path and may be called more than once.
 */
public final class FormattedChunks<R, C> implements Iterator<C>, Closeable {

    /** Formats one chunk of rows; {@code firstRow} is the 1-based position of its first row in the stream. */
    @FunctionalInterface
    public interface ChunkFormat<R, C> {
        C format(List<R> rows, long firstRow);
    }

    private static final Logger log = LoggerFactory.getLogger(FormattedChunks.class);
    /** Marks the end of the rows in the queue. */
    @SuppressWarnings("rawtypes")
    private static final Future END = CompletableFuture.completedFuture(null);
    private static final long POLL_MS = 50;
    /** How long {@link #close()} waits for the reader to leave the cursor (it is at most one fetch away). */
    private static final long READER_EXIT_MS = 30_000;

    private final Iterator<? extends R> rows;
    private final int chunkSize;
    private final ChunkFormat<R, C> format;
    private final ExecutorService formatters;
    private final BooleanSupplier stopped;
    private final BlockingQueue<Future<C>> ahead;
    private final Future<?> reader;
    private volatile boolean closed;
    private Future<C> head;

    /**
     * Starts reading at once.
     *
     * @param rows    the row stream; read by the reader thread only, until {@link #close()} returns
     * @param format  formats one chunk (and may render it, see {@code LeadWriter#render}); runs on the format pool,
     *                several chunks at a time, so it must be thread-safe
     * @param stopped whether the export was cancelled: the consumer sees no further chunk once it is
     */
    public FormattedChunks(Iterator<? extends R> rows, int chunkSize, int chunksAhead,
                           ChunkFormat<R, C> format, ExecutorService readers,
                           ExecutorService formatters, BooleanSupplier stopped) {
        if (chunkSize < 1 || chunksAhead < 1) {
            throw new IllegalArgumentException("chunk size and chunks ahead must be positive");
        }
        this.rows = rows;
        this.chunkSize = chunkSize;
        this.format = format;
        this.formatters = formatters;
        this.stopped = stopped;
        this.ahead = new ArrayBlockingQueue<>(chunksAhead);
        this.reader = readers.submit(this::read);
    }

    @Override
    public boolean hasNext() {
        if (closed || stopped.getAsBoolean()) {
            return false;
        }
        if (head == null) {
            head = take();
        }
        return head != END;
    }

    /** @return the next chunk, formatted, in row order; rethrows the failure that read or formatted it */
    @Override
    public C next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Future<C> chunk = head;
        head = null;
        return result(chunk);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        discardQueued();
        try {
            reader.get(READER_EXIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // Its failure was queued for the consumer, or the consumer has stopped anyway.
        } catch (TimeoutException e) {
            log.warn("An export's reader did not leave the cursor within {} ms of the export ending", READER_EXIT_MS);
        }
        discardQueued();
    }

    private void read() {
        try {
            List<R> chunk = new ArrayList<>(chunkSize);
            long firstRow = 1;
            while (!closed && rows.hasNext()) {
                chunk.add(rows.next());
                if (chunk.size() == chunkSize) {
                    submit(chunk, firstRow);
                    firstRow += chunkSize;
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            if (!chunk.isEmpty()) {
                submit(chunk, firstRow);
            }
            enqueue(end());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                enqueue(CompletableFuture.failedFuture(e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void submit(List<R> chunk, long firstRow) throws InterruptedException {
        FutureTask<C> task = new FutureTask<>(() -> format.format(chunk, firstRow));
        if (enqueue(task)) {
            try {
                formatters.execute(task);
            } catch (RejectedExecutionException e) {
                task.run(); // the pool is shutting down with the app: finish this chunk here
            }
        }
    }

    /** Queues in read order, waiting while the queue is full; gives up once closed. */
    private boolean enqueue(Future<C> chunk) throws InterruptedException {
        while (!closed) {
            if (ahead.offer(chunk, POLL_MS, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    private Future<C> take() {
        try {
            Future<C> chunk;
            do {
                chunk = ahead.poll(POLL_MS, TimeUnit.MILLISECONDS);
            } while (chunk == null && !closed && !stopped.getAsBoolean());
            return chunk == null ? end() : chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next chunk of an export", e);
        }
    }

    private static <C> C result(Future<C> chunk) {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a chunk of an export to be formatted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @SuppressWarnings("unchecked")
    private Future<C> end() {
        return END;
    }

    private void discardQueued() {
        for (Future<C> chunk; (chunk = ahead.poll()) != null; ) {
            chunk.cancel(false);
        }
    }
}
