package io.leadexport.deliver;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void theDelayStartsAtTheRetryDelayAndDoublesAfterEachFailure() {
        Duration first = Duration.ofMillis(500);

        assertThat(Backoff.delay(first, 1)).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.delay(first, 2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.delay(first, 3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.delay(first, 4)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theDelayIsAtMostFiveMinutes() {
        assertThat(Backoff.delay(Duration.ofSeconds(10), 7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Backoff.delay(Duration.ofSeconds(10), 1000)).isEqualTo(Duration.ofMinutes(5));
    }
}
