package io.leadexport.job;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The log lines of an export carry its job id and attempt; the queue and loss counters are on /actuator/prometheus. */
@EndToEndTest
class JobLogsAndMetricsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Jobs jobs;
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void setUp() {
        api = new Api(port);
        jobs = new Jobs(api);
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        leads.insert(TestLeads.hardCases(Instant.parse("2024-06-01T00:00:00Z")));
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        root.detachAppender(logs);
    }

    @Test
    void everyLogLineOfAJobNamesTheJobAndTheAttempt() {
        String ok = jobs.start("manager", "{\"format\": \"xlsx\"}").get("id").asText();
        jobs.awaitFinished("manager", ok, Duration.ofSeconds(20));
        // A job that fails: its warning, with the failure, names it too.
        String broken = jobs.start("manager", "{}").get("id").asText();
        jdbc.update("update export_jobs set request = '{\"format\": \"pdf\"}'::jsonb where id = ?::uuid and status = 'queued'",
                broken);
        jobs.awaitFinished("manager", broken, Duration.ofSeconds(20));

        List<ILoggingEvent> lines = List.copyOf(logs.list);
        for (String id : List.of(ok, broken)) {
            List<ILoggingEvent> ofJob = lines.stream()
                    .filter(line -> id.equals(line.getMDCPropertyMap().get("jobId"))).toList();
            assertThat(ofJob).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(message -> message.startsWith("Export job started"))
                    .anyMatch(message -> message.matches("Export job (succeeded|failed).*"));
            assertThat(ofJob).allSatisfy(line -> assertThat(line.getMDCPropertyMap()).containsEntry("attempt", "1"));
        }
        // Lines that speak of a job by its id are all in its context.
        assertThat(lines).filteredOn(line -> line.getFormattedMessage().contains(ok)
                        || line.getFormattedMessage().contains(broken))
                .allSatisfy(line -> assertThat(line.getMDCPropertyMap()).containsKey("jobId"));
    }

    @Test
    void theQueueAndTheLossCountersArePublished() {
        HttpResponse<byte[]> response = api.get("admin", "/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        String metrics = Api.text(response);
        assertThat(metrics).containsPattern("(?m)^lead_export_jobs_queued(\\{[^}]*\\})? \\d")
                .containsPattern("(?m)^lead_export_jobs_queued_oldest_age_seconds(\\{[^}]*\\})? \\d")
                .containsPattern("(?m)^lead_export_audit_writes_lost_total(\\{[^}]*\\})? \\d")
                .containsPattern("(?m)^lead_export_notifications_failed_total(\\{[^}]*\\})? \\d");
    }
}
