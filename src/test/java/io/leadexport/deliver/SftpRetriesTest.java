package io.leadexport.deliver;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SftpRetriesTest {

    @Test
    void theDelayStartsAtTheRetryDelayAndDoublesAfterEachFailure() {
        Duration first = Duration.ofMillis(500);

        assertThat(SftpRetries.delay(first, 1)).isEqualTo(Duration.ofMillis(500));
        assertThat(SftpRetries.delay(first, 2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SftpRetries.delay(first, 3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SftpRetries.delay(first, 4)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theDelayIsAtMostFiveMinutes() {
        assertThat(SftpRetries.delay(Duration.ofSeconds(10), 7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SftpRetries.delay(Duration.ofSeconds(10), 1000)).isEqualTo(Duration.ofMinutes(5));
    }
}
