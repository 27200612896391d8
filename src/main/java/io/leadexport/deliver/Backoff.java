package io.leadexport.deliver;

import java.time.Duration;

import org.apache.camel.Exchange;

/**
 * The exponential backoff of deliveries: wait a destination's {@code retry-delay} before the first retry and twice as
 * long before each next one, at most five minutes. Camel counts the failed attempts in {@code CamelRedeliveryCounter}:
 * 1 after the first.
 */
final class Backoff {

    static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private Backoff() {
    }

    /** The wait after the n-th failed attempt (n from 1): the first delay, doubled n - 1 times, capped. */
    static Duration delay(Duration first, int failures) {
        Duration delay = first.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    static int failures(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
    }
}
