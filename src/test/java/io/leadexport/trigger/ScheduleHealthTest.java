package io.leadexport.trigger;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.request.ExportRequestDocument;
import io.leadexport.request.RequestProperties;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schedule with no success for two of its periods makes the health STALE (not DOWN); one that delivered within
 * them is fine. The last success is also a gauge per schedule.
 */
@EndToEndTest
class ScheduleHealthTest {

    private static final ExportRequestDocument EMPTY_REQUEST =
            new ExportRequestDocument(null, null, null, null, null, null, null, null, null, null);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RequestProperties request;

    @Test
    void aNightlyScheduleWithoutSuccessForTwoNightsIsStaleAndOneFromLastNightIsNot() {
        String late = "late-" + UUID.randomUUID().toString().substring(0, 8);
        String fine = "fine-" + UUID.randomUUID().toString().substring(0, 8);
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        run(late, threeDaysAgo, "succeeded");
        run(late, Instant.now().minus(Duration.ofDays(1)), "failed");
        run(fine, threeDaysAgo, "succeeded");
        run(fine, Instant.now().minus(Duration.ofHours(20)), "succeeded");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ScheduleHealth health = health(Map.of(late, nightly(), fine, nightly()), registry);

        Health result = health.health();

        assertThat(result.getStatus().getCode()).isEqualTo(ScheduleHealth.STALE);
        assertThat(detail(result, late)).containsEntry("status", "stale");
        assertThat(detail(result, fine)).containsEntry("status", "ok");
        assertThat(registry.get("lead.export.schedule.last.success").tag("schedule", late).gauge().value())
                .isEqualTo(Timestamp.from(threeDaysAgo).toInstant().toEpochMilli() / 1000.0);
    }

    @Test
    void aMinutelyScheduleIsStaleAfterTwoMinutesAndOneThatNeverRanIsCountedFromTheStart() {
        String minutely = "minutely-" + UUID.randomUUID().toString().substring(0, 8);
        String never = "never-" + UUID.randomUUID().toString().substring(0, 8);
        run(minutely, Instant.now().minus(Duration.ofMinutes(3)), "succeeded");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        Health result = health(Map.of(minutely, new TriggerProperties.Schedule("0 * * * * ?", EMPTY_REQUEST, null, false),
                never, nightly()), registry).health();

        assertThat(detail(result, minutely)).containsEntry("status", "stale");
        assertThat(detail(result, never)).containsEntry("status", "ok").containsEntry("lastSuccess", null);
        assertThat(registry.get("lead.export.schedule.last.success").tag("schedule", never).gauge().value()).isNaN();
    }

    @Test
    void theHealthEndpointShowsTheSchedulesAndStaysUpWithoutThem() {
        HttpResponse<byte[]> response = new Api(port).get("admin", "/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = Jobs.json(response);
        assertThat(health.at("/components/schedules/status").asText()).isEqualTo("UP");
    }

    private ScheduleHealth health(Map<String, TriggerProperties.Schedule> schedules, SimpleMeterRegistry registry) {
        return new ScheduleHealth(dataSource, new TriggerProperties(schedules, new TriggerProperties.Inbox("./inbox",
                false)), request, registry);
    }

    private static TriggerProperties.Schedule nightly() {
        return new TriggerProperties.Schedule("0 0 2 * * ?", EMPTY_REQUEST, "download", true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Health health, String schedule) {
        return (Map<String, Object>) health.getDetails().get(schedule);
    }

    private void run(String schedule, Instant finishedAt, String status) {
        jdbc.update("insert into export_history (job_id, finished_at, requested_by, trigger, format, template, fields, "
                + "filter, national_id, status, destination) values (gen_random_uuid(), ?, ?, 'schedule', 'csv', "
                + "'full', '[]', '{}', 'masked', ?, 'download')", Timestamp.from(finishedAt), schedule, status);
    }
}
