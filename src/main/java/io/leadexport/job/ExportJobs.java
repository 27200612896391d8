package io.leadexport.job;

import io.leadexport.export.ExchangeKeys;
import io.leadexport.export.Causes;
import io.leadexport.export.ExportCancelledException;
import io.leadexport.export.ExportFiles;
import io.leadexport.export.ExportLogContext;
import io.leadexport.export.ExportResult;
import io.leadexport.export.ExportRun;
import io.leadexport.export.ExportSteps;
import io.leadexport.export.RunningExports;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.audit.PlainNationalIdAudit;
import io.leadexport.deliver.DeliveryFailures;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.request.RequestProperties;
import io.leadexport.request.RequestSummary;
import io.leadexport.security.ExportPermissions;
import io.leadexport.security.ExportUser;
import io.leadexport.security.LimitsProperties;
import io.leadexport.security.RequesterKind;
import io.leadexport.security.UserLimitExceededException;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The steps of the job routes: queue a request, claim queued jobs for this instance's workers, run each as the one
 * export pipeline, and record how it ended, fenced by the claimed attempt. A heartbeat renews the lease and carries
 * progress and cancel requests; orphaned jobs of a dead instance are re-queued or failed.
 */
@Component("exportJobs")
public class ExportJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private static final long QUEUE_RETRY_AFTER_SECONDS = 30;

    private final JobStore store;
    private final int queuedJobsLimit;
    private final ExportRequestParser parser;
    private final ExportPermissions permissions;
    private final RunningExports running;
    private final ObjectMapper json;
    private final PlainNationalIdAudit plainNationalIds;
    private final JobProperties.Jobs settings;
    private final Duration retention;
    private final ZoneId zone;
    private final String workerId;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<String, ExportRun> delivering = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> workerDone = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile boolean started;

    public ExportJobs(JobStore store, ExportRequestParser parser, ExportPermissions permissions,
                      RunningExports running, ObjectMapper json, JobProperties properties,
                      RequestProperties requestProperties, PlainNationalIdAudit plainNationalIds,
                      LimitsProperties limits) {
        this.store = store;
        this.parser = parser;
        this.permissions = permissions;
        this.running = running;
        this.json = json;
        this.plainNationalIds = plainNationalIds;
        this.queuedJobsLimit = limits.queuedJobs();
        this.settings = properties.jobs();
        this.zone = requestProperties.zone();
        this.retention = properties.storage().retention();
        this.workerId = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Queues a request as a job; the caller's rights are checked now, so a refusal is immediate. With an idempotency
     * key, a repeat of the key by the same user within 24 h answers the job the key started, and a different request
     * under a key already used is refused.
     */
    public ExportJob enqueue(ExportRequest request, @ExchangeProperty(ExchangeKeys.USER) ExportUser user,
                             @ExchangeProperty(ExchangeKeys.TRIGGER) String trigger,
                             @ExchangeProperty(ExchangeKeys.SOURCE) String source,
                             @ExchangeProperty(ExchangeKeys.IDEMPOTENCY_KEY) String key) throws JsonProcessingException {
        if (trigger == null) {
            trigger = "http";
        }
        if (key != null) {
            source = idempotencySource(user, key);
        }
        permissions.check(request, user);
        checkQueueLimit(user);
        String requestJson = json.writeValueAsString(RequestSummary.request(request));
        if (key != null) {
            store.releaseSource(source, Instant.now().minus(IDEMPOTENCY_WINDOW));
        }
        String id = UUID.randomUUID().toString();
        ExportJob job = store.insert(id, trigger, user, requestJson, request.destination(),
                source);
        if (key != null && !job.id().equals(id) && !json.readTree(job.requestJson()).equals(json.readTree(requestJson))) {
            throw new IdempotencyKeyReusedException(key, job.id());
        }
        if (job.id().equals(id)) {
            plainNationalIds.started(request, user.username(), trigger, job.id());
        }
        return job;
    }

    /** Keys are the user's own: two users sending the same key start two jobs. */
    private static String idempotencySource(ExportUser user, String key) {
        return "idempotency-key:" + user.username() + ":" + key;
    }

    /**
     * A person may have at most {@code lead-export.limits.queued-jobs} jobs waiting; schedules and the inbox are
     * server-side configuration and are not limited here.
     */
    private void checkQueueLimit(ExportUser user) {
        if (user.kind() != RequesterKind.USER) {
            return;
        }
        long queued = store.count(user.username(), RequesterKind.USER, List.of(JobStatus.QUEUED.key()));
        if (queued >= queuedJobsLimit) {
            throw new UserLimitExceededException("You have " + queued + " exports waiting to start, the most one user "
                    + "may have (lead-export.limits.queued-jobs); try again when one has started, or cancel one.",
                    QUEUE_RETRY_AFTER_SECONDS);
        }
    }

    /** Claims as many queued jobs as this instance has free workers. */
    public List<ExportJob> claim() {
        if (stopping) {
            return List.of();
        }
        int free = settings.concurrency() - inFlight.get();
        List<ExportJob> claimed = store.claim(workerId, free);
        for (ExportJob job : claimed) {
            inFlight.incrementAndGet();
            attempts.put(job.id(), job.attempt());
            workerDone.put(job.id(), new CompletableFuture<>());
        }
        return claimed;
    }

    /** Sets a worker exchange up to run a claimed job through the pipeline: the job, and its run context. */
    public ExportRun prepare(ExportJob job, Exchange exchange) {
        exchange.setProperty(ExchangeKeys.JOB, job);
        exchange.setProperty(ExchangeKeys.POOL, ExportSteps.JOB_POOL);
        ExportLogContext.enter(job.id(), job.attempt());
        log.info("Export job started: trigger {}, requested by {}, destination {}", job.trigger(), job.requestedBy(),
                job.destination());
        if (store.isCancelRequested(job.id())) {
            throw new ExportCancelledException(job.id());
        }
        ExportRun run = ExportRun.forJob(job.id(), job.attempt(), parser.fromStoredJson(job.requestJson()), job.requester(),
                job.trigger(), zone);
        exchange.setProperty(ExchangeKeys.RUN, run);
        return run;
    }

    /**
     * A step of the finish route: records how the worker's run of the job ended (succeeded when there is no failure,
     * else failed or cancelled), frees the worker, and leaves the job's final row in the {@code exportJob} property,
     * or none when it did not finish here (queued again at shutdown, or taken over by another instance). A job that
     * is already final (cancelled while queued, failed by recovery) is left as it is.
     */
    public void finish(@ExchangeProperty(ExchangeKeys.JOB) ExportJob job, @ExchangeProperty(ExchangeKeys.RUN) ExportRun run,
                       @ExchangeProperty(ExchangeKeys.FAILURE) Throwable failure, Exchange exchange) {
        if (job.status().isFinished()) {
            return;
        }
        try {
            if (failure == null) {
                succeeded(job, run);
            } else {
                failed(job, run, failure);
            }
        } finally {
            ExportJob finished = done(job);
            if (finished == null) {
                exchange.removeProperty(ExchangeKeys.JOB);
            } else {
                exchange.setProperty(ExchangeKeys.JOB, finished);
            }
        }
    }

    /** Records a finished file; a worker that lost its job meanwhile (fenced) removes its file instead. */
    private void succeeded(ExportJob job, ExportRun run) {
        ExportResult result = run.result();
        String delivery = run.delivery();
        boolean kept = ExportRequest.DOWNLOAD.equals(job.destination());
        boolean recorded = store.succeeded(job.id(), job.attempt(), result.rows(), result.fileName(),
                kept ? result.file().toString() : null, result.size(), result.sha256(),
                kept ? Instant.now().plus(retention) : null, delivery, result.rowsPerSecond());
        if (!recorded || !kept) {
            ExportFiles.deleteDirectory(run.directory());
        }
        if (!recorded) {
            log.warn("Job {} attempt {} finished after it was taken over; its file was discarded", job.id(),
                    job.attempt());
        }
    }

    /** Records a failure or a cancel; while this instance shuts down, a job it had to stop is queued again. */
    private void failed(ExportJob job, ExportRun run, Throwable failure) {
        long processed = run == null ? 0 : run.processed();
        if (run != null) {
            // The export may have finished and its delivery failed: nothing of a failed job is kept.
            ExportFiles.deleteDirectory(run.directory());
        }
        boolean cancelled = run != null && run.isCancelled() || Causes.cancelled(failure);
        if (cancelled && stopping && !store.isCancelRequested(job.id())) {
            store.requeue(job.id(), job.attempt());
            log.info("Job {} was stopped by the shutdown and queued again", job.id());
            return;
        }
        if (cancelled) {
            store.finish(job.id(), job.attempt(), JobStatus.CANCELLED, processed, "cancelled");
        } else {
            log.warn("Job {} failed", job.id(), failure);
            store.finish(job.id(), job.attempt(), JobStatus.FAILED, processed, describe(failure));
        }
    }

    /** The worker is free again. Returns the job when it really finished (not re-queued or fenced), else null. */
    private ExportJob done(ExportJob job) {
        try {
            inFlight.decrementAndGet();
            attempts.remove(job.id());
            delivering.remove(job.id());
            Optional<ExportJob> now = store.find(job.id());
            CompletableFuture<Void> waiting = workerDone.remove(job.id());
            if (waiting != null) {
                waiting.complete(null);
            }
            if (now.isEmpty() || !now.get().status().isFinished() || now.get().attempt() != job.attempt()) {
                log.info("Export job attempt ended without finishing the job (queued again or taken over)");
                return null;
            }
            log.info("Export job {}: {} rows", now.get().status().key(), now.get().processed());
            return now.get();
        } finally {
            ExportLogContext.leave();
        }
    }

    /**
     * Completes when this instance's worker is done with the job (its outcome recorded); empty when no worker here
     * holds it (queued, finished, or running on another instance, which applies a cancel at its next heartbeat).
     */
    public Optional<CompletableFuture<Void>> workerDone(String jobId) {
        return Optional.ofNullable(workerDone.get(jobId));
    }

    /** After the file is written, the job delivers it: the heartbeat keeps following the run meanwhile. */
    public void exported(@ExchangeProperty(ExchangeKeys.JOB) ExportJob job, @ExchangeProperty(ExchangeKeys.RUN) ExportRun run) {
        delivering.put(job.id(), run);
    }

    /**
     * Renews the lease of every job claimed here, for as long as it is claimed (export and delivery), records its
     * progress, and applies cancels asked on any instance. A job this attempt no longer holds is stopped.
     */
    public void heartbeat() {
        for (Map.Entry<String, Integer> claimed : attempts.entrySet()) {
            String id = claimed.getKey();
            ExportRun run = running.get(id) != null ? running.get(id) : delivering.get(id);
            Optional<Boolean> cancel = run == null ? store.renew(id, claimed.getValue())
                    : store.heartbeat(id, claimed.getValue(), run.processed(), run.total(),
                    Progress.rowsPerSecond(run.processed(), run.startedAt(), Instant.now()));
            if (run != null && (cancel.isEmpty() || cancel.get())) {
                run.cancel();
            }
        }
    }

    /** Re-queues the jobs of dead instances; returns those that ran out of attempts and failed. */
    public List<ExportJob> recover() {
        return store.recoverOrphans(settings.lease(), settings.maxAttempts());
    }

    public static String describe(Throwable failure) {
        if (failure == null) {
            return "failed";
        }
        var delivery = DeliveryFailures.describe(failure);
        if (delivery.isPresent()) {
            return delivery.get();
        }
        // The outermost cause that says something of its own: Camel's wrappers only repeat their cause.
        Throwable cause = Causes.outermostFirst(failure).stream()
                .filter(t -> t.getMessage() != null && !t.getClass().getName().startsWith("org.apache.camel"))
                .findFirst().orElse(Causes.root(failure));
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    // Shutdown: stop claiming, stop the running exports (their jobs are queued again for another instance or the
    // next start), before Camel waits for in-flight exchanges.

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        stopping = true;
        running.all().forEach(run -> {
            if (attempts.containsKey(run.id())) {
                run.cancel();
            }
        });
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "instance";
        }
    }
}
