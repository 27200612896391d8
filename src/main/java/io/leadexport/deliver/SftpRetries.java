package io.leadexport.deliver;

import io.leadexport.export.ExchangeKeys;
import java.time.Duration;

import io.leadexport.export.ExportRun;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * How often and when an upload is tried again after the SFTP server could not be reached, per destination: up to
 * {@code max-retries} more times, waiting {@code retry-delay} before the first retry and twice as long before each
 * next one (exponential backoff, at most five minutes). A Camel redelivery policy is fixed per route, and these
 * settings differ per destination, so the {@code sftp-delivery} route configuration asks this bean: as its
 * {@code retryWhile} predicate, and as its {@code onExceptionOccurred} processor, which Camel runs before it reads
 * the delay from the {@code CamelRedeliveryDelay} header.
 */
@Component("sftpRetries")
public class SftpRetries implements Processor {

    private final Destinations destinations;

    public SftpRetries(Destinations destinations) {
        this.destinations = destinations;
    }

    /** Sets the delay before the next attempt. */
    @Override
    public void process(Exchange exchange) {
        Duration delay = Backoff.delay(destination(exchange).retryDelay(), Backoff.failures(exchange));
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay.toMillis());
    }

    /** The {@code retryWhile} predicate: retries left, and the job was not cancelled meanwhile. */
    public boolean shouldRetry(Exchange exchange) {
        ExportRun run = exchange.getProperty(ExchangeKeys.RUN, ExportRun.class);
        return !run.isCancelled() && Backoff.failures(exchange) <= destination(exchange).maxRetries();
    }

    private DestinationProperties destination(Exchange exchange) {
        return destinations.get(exchange.getProperty(ExchangeKeys.RUN, ExportRun.class).request().destination());
    }
}
