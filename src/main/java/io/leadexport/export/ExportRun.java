package io.leadexport.export;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.leadexport.request.ExportRequest;
import io.leadexport.security.ExportUser;

/**
 * The one typed context of an export run, from its trigger through the pipeline, delivery and the finish route.
 * Travels as the {@code exportRun} exchange property ({@link ExchangeKeys#RUN}).
 * <ul>
 *   <li>Fixed when planned: the request, who asked, the trigger, the attempt, the id (the job's for background
 *       jobs) and the time the file says it was generated.</li>
 *   <li>Owned by the pipeline: progress (rows written, the total counted), the cancel flag, and the file being
 *       written; progress and cancel are read and set by other threads, so they are atomic or volatile.</li>
 *   <li>The outcome: the finished file ({@link #result()}) and where delivery put it ({@link #delivery()}).</li>
 * </ul>
 */
public final class ExportRun {

    private final String id;
    private final ExportRequest request;
    private final ExportUser requestedBy;
    private final String trigger;
    private final int attempt;
    private final boolean ofJob;
    private final OffsetDateTime generatedAt;
    private final Instant startedAt = Instant.now();
    private final AtomicLong processed = new AtomicLong();
    private volatile long total = -1;
    private volatile boolean cancelled;
    private volatile ExportResult result;
    private volatile String delivery;

    final WriterSession session = new WriterSession();

    private ExportRun(String id, ExportRequest request, ExportUser requestedBy, String trigger, int attempt,
                      boolean ofJob, OffsetDateTime generatedAt) {
        this.id = id;
        this.request = request;
        this.requestedBy = requestedBy;
        this.trigger = trigger;
        this.attempt = attempt;
        this.ofJob = ofJob;
        this.generatedAt = generatedAt;
    }

    /** A run of a background job: its id is the job's. */
    public static ExportRun forJob(String jobId, int attempt, ExportRequest request, ExportUser requestedBy,
                                   String trigger, ZoneId zone) {
        return new ExportRun(jobId, request, requestedBy, trigger, attempt, true, now(zone));
    }

    /** A one-off run (a synchronous download), with an id of its own. */
    public static ExportRun oneOff(ExportRequest request, ExportUser requestedBy, String trigger, ZoneId zone) {
        return oneOff(UUID.randomUUID().toString(), request, requestedBy, trigger, zone);
    }

    /** A one-off run under a given id (a download's slot). */
    public static ExportRun oneOff(String id, ExportRequest request, ExportUser requestedBy, String trigger,
                                   ZoneId zone) {
        return new ExportRun(id, request, requestedBy, trigger, 1, false, now(zone));
    }

    private static OffsetDateTime now(ZoneId zone) {
        return OffsetDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
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

    /** 1 for the first run of a job; more when a job is run again after its instance died. */
    public int attempt() {
        return attempt;
    }

    /** Whether this is the run of a background job (its id is the job's), rather than a one-off download. */
    public boolean ofJob() {
        return ofJob;
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

    /** The finished file; null until the pipeline completed it. */
    public ExportResult result() {
        return result;
    }

    void result(ExportResult result) {
        this.result = result;
    }

    /** Where delivery put the file ({@code null} for a download), for the job record. */
    public String delivery() {
        return delivery;
    }

    /** Set by the delivery step that placed the file. */
    public void delivered(String where) {
        this.delivery = where;
    }

    public String fileName() {
        return session.fileName;
    }

    public Path file() {
        return session.file;
    }

    /** The run's own directory in storage, holding its file (and nothing else once complete). */
    public Path directory() {
        return session.directory;
    }
}
