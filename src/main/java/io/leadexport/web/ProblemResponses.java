package io.leadexport.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.job.IdempotencyKeyReusedException;
import io.leadexport.request.InvalidExportRequestException;
import io.leadexport.security.ExportForbiddenException;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Turns an exception caught in an HTTP route into an {@code application/problem+json} response (RFC 9457). Invalid
 * requests list every problem with the field and the allowed values.
 */
@Component("problemResponses")
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void handle(Exchange exchange) throws JsonProcessingException {
        Throwable failure = known(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        Map<String, Object> problem;
        if (failure instanceof InvalidExportRequestException invalid) {
            problem = problem(400, "Invalid export request", invalid.getMessage());
            problem.put("errors", invalid.errors().stream().map(ProblemResponses::error).toList());
        } else if (failure instanceof ExportForbiddenException forbidden) {
            problem = problem(403, "Forbidden", forbidden.getMessage());
            problem.put("errors", List.of(Map.of("field", forbidden.field(), "message", forbidden.getMessage())));
        } else if (failure instanceof IdempotencyKeyReusedException reused) {
            problem = problem(422, "Idempotency key reused", reused.getMessage());
            problem.put("errors", List.of(Map.of("field", IdempotencyKeys.HEADER, "message", reused.getMessage())));
            problem.put("jobId", reused.jobId());
        } else if (failure instanceof ProblemException known) {
            problem = problem(known.status(), known.title(), known.getMessage());
        } else {
            log.error("Export request failed on {}", exchange.getFromRouteId(), failure);
            problem = problem(500, "Export failed", "The export failed on the server; the error was logged.");
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.get("status"));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        exchange.getMessage().setBody(json.writeValueAsString(problem));
    }

    /** Camel wraps what a bean threw (e.g. in a bean expression): answer for the cause we know, if there is one. */
    private static Throwable known(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidExportRequestException || t instanceof ExportForbiddenException
                    || t instanceof ProblemException || t instanceof IdempotencyKeyReusedException) {
                return t;
            }
        }
        return failure;
    }

    private static Map<String, Object> problem(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    private static Map<String, Object> error(InvalidExportRequestException.FieldError error) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("field", error.field());
        map.put("message", error.message());
        if (!error.allowed().isEmpty()) {
            map.put("allowed", error.allowed());
        }
        return map;
    }
}
