package io.leadexport.trigger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CronDescriptionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0 0 2 * * ?          | every day at 02:00",
            "30 15 6 ? * *        | every day at 06:15:30",
            "0 0 7 ? * MON-FRI    | every weekday (Monday to Friday) at 07:00",
            "0 0 7 ? * MON,THU    | every Monday, Thursday at 07:00",
            "0 0 1 1 * ?          | on day 1 of every month at 01:00",
            "0 0 23 L * ?         | on the last day of every month at 23:00",
            "0/2 * * * * ?        | every 2 seconds",
            "0 */15 * * * ?       | every 15 minutes",
            "0 0 */6 * * ?        | every 6 hours at minute 0",
            "0 0 2 * JAN ?        | cron: 0 0 2 * JAN ?",
            "0 0 2 * * ? 2030     | cron: 0 0 2 * * ? 2030",
    })
    void commonCronsReadAsWords(String cron, String words) {
        assertThat(CronDescription.describe(cron)).isEqualTo(words);
    }
}
