package io.leadexport.web;

import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.job.IdempotencyKeyReusedException;
import io.leadexport.request.InvalidExportRequestException;
import io.leadexport.security.ExportForbiddenException;
import io.leadexport.security.UserLimitExceededException;

import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

/**
 * Turns an exception caught in an HTTP route into an {@code application/problem+json} response (RFC 9457), as a
 * Spring {@link ProblemDetail}. Invalid requests list every problem with the field and the allowed values. Camel
 * wraps what a bean threw (e.g. in a bean expression): the answer is for the cause we know, if there is one.
 */
@Component("problemResponses")
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    static final long BUSY_RETRY_AFTER_SECONDS = 30;

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void handle(Exchange exchange) throws JsonProcessingException {
        ProblemDetail problem = problem(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class), exchange);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.getStatus());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        UserLimitExceededException limited = ObjectHelper.getException(UserLimitExceededException.class,
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        if (limited != null) {
            exchange.getMessage().setHeader("Retry-After", limited.retryAfterSeconds());
        } else if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            exchange.getMessage().setHeader("Retry-After", BUSY_RETRY_AFTER_SECONDS);
        }
        exchange.getMessage().setBody(json.writeValueAsString(problem));
    }

    static ProblemDetail problem(Throwable failure, Exchange exchange) {
        InvalidExportRequestException invalid = ObjectHelper.getException(InvalidExportRequestException.class, failure);
        if (invalid != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
            problem.setTitle("Invalid export request");
            problem.setProperty("errors", invalid.errors().stream().map(ProblemResponses::error).toList());
            return problem;
        }
        ExportForbiddenException forbidden = ObjectHelper.getException(ExportForbiddenException.class, failure);
        if (forbidden != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, forbidden.getMessage());
            problem.setTitle("Forbidden");
            problem.setProperty("errors", List.of(Map.of("field", forbidden.field(), "message", forbidden.getMessage())));
            return problem;
        }
        IdempotencyKeyReusedException reused = ObjectHelper.getException(IdempotencyKeyReusedException.class, failure);
        if (reused != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, reused.getMessage());
            problem.setTitle("Idempotency key reused");
            problem.setProperty("errors", List.of(Map.of("field", IdempotencyKeys.HEADER, "message", reused.getMessage())));
            problem.setProperty("jobId", reused.jobId());
            return problem;
        }
        UserLimitExceededException limited = ObjectHelper.getException(UserLimitExceededException.class, failure);
        if (limited != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, limited.getMessage());
            problem.setTitle("Too Many Requests");
            return problem;
        }
        RequestTooLargeException tooLarge = ObjectHelper.getException(RequestTooLargeException.class, failure);
        if (tooLarge != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            problem.setTitle("Request too large");
            return problem;
        }
        SQLTransientConnectionException busy = ObjectHelper.getException(SQLTransientConnectionException.class, failure);
        if (busy != null) {
            // Every connection of a pool stayed taken for as long as the pool lets a caller wait: an overload, not a fault.
            log.warn("Request refused on {}: {}", exchange.getFromRouteId(), busy.getMessage());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The server is busy with other exports; try again in " + BUSY_RETRY_AFTER_SECONDS + " seconds.");
            problem.setTitle("Service Unavailable");
            return problem;
        }
        ErrorResponse known = ObjectHelper.getException(ErrorResponse.class, failure);
        if (known != null) {
            return known.getBody();
        }
        log.error("Export request failed on {}", exchange.getFromRouteId(), failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The export failed on the server; the error was logged.");
        problem.setTitle("Export failed");
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
