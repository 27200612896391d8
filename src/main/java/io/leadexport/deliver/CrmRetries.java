package io.leadexport.deliver;

import io.leadexport.export.ExchangeKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.leadexport.export.ExportRun;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;
import org.springframework.stereotype.Component;

/**
 * When a CRM call is retried, and after how long. Transient failures only: 429, 5xx, and connection errors; any other
 * answer is the CRM rejecting the batch and fails the job at once. The delay doubles from the destination's
 * {@code retry-delay}, unless the CRM said how long to wait ({@code Retry-After}, seconds or an HTTP date), capped at
 * five minutes. Used as the {@code onExceptionOccurred} processor, which Camel runs before it computes the delay.
 */
@Component("crmRetries")
public class CrmRetries implements Processor {

    private final Destinations destinations;

    public CrmRetries(Destinations destinations) {
        this.destinations = destinations;
    }

    @Override
    public void process(Exchange exchange) {
        DestinationProperties crm = destination(exchange);
        Duration delay = retryAfter(exchange.getException())
                .orElse(Backoff.delay(crm.retryDelay(), Backoff.failures(exchange)));
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY,
                Math.min(delay.toMillis(), Backoff.MAX_DELAY.toMillis()));
    }

    /** The {@code retryWhile} predicate: a transient failure, retries left, and the job was not cancelled. */
    public boolean shouldRetry(Exchange exchange) {
        Throwable failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        ExportRun run = exchange.getProperty(ExchangeKeys.RUN, ExportRun.class);
        return isTransient(failure) && !run.isCancelled()
                && Backoff.failures(exchange) <= destination(exchange).maxRetries();
    }

    static boolean isTransient(Throwable failure) {
        if (failure instanceof HttpOperationFailedException http) {
            return http.getStatusCode() == 429 || http.getStatusCode() >= 500;
        }
        return ObjectHelper.getException(java.io.IOException.class, failure) != null;
    }

    static java.util.Optional<Duration> retryAfter(Throwable failure) {
        if (!(failure instanceof HttpOperationFailedException http) || http.getResponseHeaders() == null) {
            return java.util.Optional.empty();
        }
        for (Map.Entry<String, String> header : http.getResponseHeaders().entrySet()) {
            if ("Retry-After".equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
                return parse(header.getValue().strip());
            }
        }
        return java.util.Optional.empty();
    }

    static java.util.Optional<Duration> parse(String value) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return java.util.Optional.empty();
            }
        }
    }

    private DestinationProperties destination(Exchange exchange) {
        return destinations.get(exchange.getProperty(ExchangeKeys.RUN, ExportRun.class).request().destination());
    }
}
