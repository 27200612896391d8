package io.leadexport.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import io.leadexport.format.LeadWriter;
import io.leadexport.request.ExportRequest;
import io.leadexport.security.ExportUser;

/**
 * One export while it runs through the pipeline: what was asked, by whom, where the file is being written, and how
 * far it got. Travels as the {@code exportRun} exchange property. Progress and the cancel flag are read by other
 * threads, so they are atomic or volatile.
 */
public final class ExportRun {

    public static final String PROPERTY = "exportRun";

    private final String id;
    private final ExportRequest request;
    private final ExportUser requestedBy;
    private final String trigger;
    private final OffsetDateTime generatedAt;
    private final Instant startedAt = Instant.now();
    private final AtomicLong processed = new AtomicLong();
    private volatile long total = -1;
    private volatile boolean cancelled;

    Path directory;
    Path partFile;
    Path file;
    String fileName;
    OutputStream out;
    MessageDigest digest;
    LeadWriter writer;
    FormattedChunks<?> chunks;
    boolean completed;

    ExportRun(String id, ExportRequest request, ExportUser requestedBy, String trigger, OffsetDateTime generatedAt) {
        this.id = id;
        this.request = request;
        this.requestedBy = requestedBy;
        this.trigger = trigger;
        this.generatedAt = generatedAt;
    }

    public String id() {
        return id;
    }

    public ExportRequest request() {
        return request;
    }

    public ExportUser requestedBy() {
        return requestedBy;
    }

    public String trigger() {
        return trigger;
    }

    public OffsetDateTime generatedAt() {
        return generatedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long processed() {
        return processed.get();
    }

    void addProcessed(int rows) {
        processed.addAndGet(rows);
    }

    /** The number of matching leads counted when the export started; -1 until counted. */
    public long total() {
        return total;
    }

    void total(long total) {
        this.total = total;
    }

    /** Asks the export to stop: the row stream ends at the next row, and the partial file is removed. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public String fileName() {
        return fileName;
    }

    public Path file() {
        return file;
    }

    public Path directory() {
        return directory;
    }

    /** Stops the read-ahead, if it started, and waits until it has let go of the cursor. */
    void stopReading() {
        if (chunks != null) {
            chunks.close();
        }
    }

    void closeQuietly() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // Closing after a failure: the original failure is what matters.
        }
        writer = null;
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // as above
        }
        out = null;
    }
}
