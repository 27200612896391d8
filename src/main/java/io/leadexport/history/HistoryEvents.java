package io.leadexport.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.export.Causes;
import io.leadexport.export.ExchangeKeys;
import io.leadexport.export.ExportResult;
import io.leadexport.export.ExportRun;
import io.leadexport.job.ExportJob;
import io.leadexport.job.ExportJobs;
import io.leadexport.request.RequestSummary;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Makes the small {@link HistoryEvent} of a finished export, the one way, and prepares the wire-tap copy that carries
 * it to the {@code record-history} route: the copy's body becomes the event (from the {@code historyEvent} property),
 * so the tap never carries rows or files.
 */
@Component("historyEvents")
public class HistoryEvents implements Processor {

    private final ObjectMapper json;

    public HistoryEvents(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The finish route's event: a background job from its final row ({@code exportJob}), a one-off run (a download)
     * from its run context and failure; null when nothing finished here (bad input, or a job's run that did not
     * finish it: queued again at shutdown, or taken over by another instance).
     */
    public HistoryEvent of(@ExchangeProperty(ExchangeKeys.JOB) ExportJob job,
                           @ExchangeProperty(ExchangeKeys.RUN) ExportRun run,
                           @ExchangeProperty(ExchangeKeys.FAILURE) Throwable failure) {
        if (job != null) {
            return forJob(job);
        }
        return run == null || run.ofJob() ? null : forRun(run, failure);
    }

    /** A background job, from its final row (also what the history sweep writes for a job the tap missed). */
    public HistoryEvent forJob(ExportJob job) {
        Long durationMs = job.startedAt() == null || job.finishedAt() == null ? null
                : Duration.between(job.startedAt(), job.finishedAt()).toMillis();
        return new HistoryEvent(job.id(), job.finishedAt() == null ? Instant.now() : job.finishedAt(),
                job.requestedBy(), job.requesterKind().key(), job.trigger(), request(job.requestJson()), job.processed(), job.status().key(),
                job.fileName(), job.fileSize(), durationMs, job.error());
    }

    private HistoryEvent forRun(ExportRun run, Throwable failure) {
        ExportResult result = run.result();
        String status = result != null && failure == null ? "succeeded"
                : run.isCancelled() || Causes.cancelled(failure) ? "cancelled" : "failed";
        return new HistoryEvent(run.id(), Instant.now(), run.requestedBy().username(), run.requestedBy().kind().key(),
                run.trigger(),
                RequestSummary.request(run.request()), result != null ? result.rows() : run.processed(), status,
                result == null ? null : result.fileName(), result == null ? null : result.size(),
                Duration.between(run.startedAt(), Instant.now()).toMillis(),
                "succeeded".equals(status) ? null : ExportJobs.describe(failure));
    }

    /** The wire-tap's onPrepare: the tapped copy carries only the event. */
    @Override
    public void process(Exchange copy) {
        copy.getMessage().removeHeaders("*");
        copy.getMessage().setBody(copy.getProperty(ExchangeKeys.HISTORY_EVENT, HistoryEvent.class));
    }

    private Map<String, Object> request(String requestJson) {
        try {
            return json.readValue(requestJson, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable job request", e);
        }
    }
}
