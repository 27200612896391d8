package io.leadexport.history;

import io.leadexport.export.ExportCancelledException;
import io.leadexport.export.ExportResult;
import io.leadexport.export.ExportRun;
import io.leadexport.job.ExportJob;
import io.leadexport.job.ExportJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.request.RequestSummary;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Makes the small {@link HistoryEvent} of a finished export, and prepares the wire-tap copy that carries it to the
 * {@code record-history} route: the copy's body becomes the event (from the {@code historyEvent} property), so the
 * tap never carries rows or files.
 */
@Component("historyEvents")
public class HistoryEvents implements Processor {

    public static final String PROPERTY = "historyEvent";

    private final ObjectMapper json;

    public HistoryEvents(ObjectMapper json) {
        this.json = json;
    }

    /** A background job, from its final row. */
    public HistoryEvent forJob(ExportJob job) {
        Long durationMs = job.startedAt() == null || job.finishedAt() == null ? null
                : Duration.between(job.startedAt(), job.finishedAt()).toMillis();
        return new HistoryEvent(job.id(), job.finishedAt() == null ? Instant.now() : job.finishedAt(),
                job.requestedBy(), job.requesterKind().key(), job.trigger(), request(job.requestJson()), job.processed(), job.status().key(),
                job.fileName(), job.fileSize(), durationMs, job.error());
    }

    /** A synchronous export (GET), from the exchange that ran it; null when no export began (bad input). */
    public HistoryEvent forRun(Exchange exchange) {
        ExportRun run = exchange.getProperty(ExportRun.PROPERTY, ExportRun.class);
        if (run == null) {
            return null;
        }
        ExportResult result = exchange.getProperty(ExportResult.PROPERTY, ExportResult.class);
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String status = result != null && failure == null ? "succeeded"
                : run.isCancelled() || ExportJobs.causedBy(failure, ExportCancelledException.class) ? "cancelled"
                : "failed";
        return new HistoryEvent(run.id(), Instant.now(), run.requestedBy().username(), run.requestedBy().kind().key(), run.trigger(),
                RequestSummary.request(run.request()), result != null ? result.rows() : run.processed(), status,
                result == null ? null : result.fileName(), result == null ? null : result.size(),
                Duration.between(run.startedAt(), Instant.now()).toMillis(),
                "succeeded".equals(status) ? null : ExportJobs.describe(failure));
    }

    /** The wire-tap's onPrepare: the tapped copy carries only the event. */
    @Override
    public void process(Exchange copy) {
        copy.getMessage().removeHeaders("*");
        copy.getMessage().setBody(copy.getProperty(PROPERTY, HistoryEvent.class));
    }

    private Map<String, Object> request(String requestJson) {
        try {
            return json.readValue(requestJson, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable job request", e);
        }
    }
}
