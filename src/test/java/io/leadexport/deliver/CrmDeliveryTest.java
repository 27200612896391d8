package io.leadexport.deliver;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.support.Api;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery to a CRM's HTTP API, against a stub CRM on loopback: the destination {@code crm} of the delivery tests'
 * shared context ({@link DeliveryDestinations}: batches of 7, four retries 100 ms apart).
 */
class CrmDeliveryTest extends DeliveryDestinations {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Jobs jobs;
    List<TestLeads.Lead> leads;

    @BeforeEach
    void setUp() {
        CRM.reset();
        jobs = new Jobs(new Api(port));
        TestLeads testLeads = new TestLeads(jdbc);
        testLeads.deleteAll();
        leads = new ArrayList<>(TestLeads.hardCases(Instant.parse("2024-02-01T00:00:00Z")));
        for (int i = 0; i < 26; i++) {
            leads.add(TestLeads.plain("Lead " + i, Instant.parse("2024-03-01T00:00:00Z").plusSeconds(i)));
        }
        testLeads.insert(leads);
    }

    @Test
    void everyLeadArrivesExactlyOnceThrough503And429() {
        CRM.then(503, "{\"error\":\"maintenance\"}", Map.of());
        CRM.then(429, "{\"error\":\"slow down\"}", Map.of("Retry-After", "1"));

        JsonNode job = jobs.awaitFinished("admin",
                jobs.start("admin", "{\"destination\": \"crm\", \"template\": \"crm\"}").get("id").asText(),
                Duration.ofSeconds(30));

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("request").get("format").asText()).as("a CRM takes JSON").isEqualTo("json");
        assertThat(job.get("delivery").asText()).startsWith("POST http://127.0.0.1:").contains("(5 batches)");
        assertThat(job.get("file").isNull() || job.get("file").get("downloadUrl").isNull()).isTrue();
        assertThat(CRM.unauthorized).isZero();
        assertThat(CRM.accepted).hasSize(5);
        List<String> names = new ArrayList<>();
        Set<String> batchKeys = new HashSet<>();
        for (Map.Entry<String, JsonNode> batch : CRM.accepted.entrySet()) {
            batchKeys.add(batch.getKey());
            assertThat(batch.getValue().get("leads").size()).isLessThanOrEqualTo(7);
            batch.getValue().get("leads").forEach(lead -> names.add(lead.get("fullName").asText()));
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(leads.stream().map(TestLeads.Lead::fullName).toList());
        assertThat(batchKeys).allSatisfy(key -> assertThat(key).startsWith(job.get("id").asText() + "-"));
        assertThat(CRM.keysSeen.subList(0, 3)).as("the first batch was retried with the same key")
                .containsOnly(job.get("id").asText() + "-1");
        long waited = TimeUnit.NANOSECONDS.toMillis(CRM.callTimes.get(2) - CRM.callTimes.get(1));
        assertThat(waited).as("Retry-After: 1 was honoured").isGreaterThanOrEqualTo(900);
        JsonNode first = CRM.accepted.get(job.get("id").asText() + "-1").get("leads").get(0);
        assertThat(first.get("phone").asText()).isEqualTo("+442079460958");
        assertThat(first.get("fullName").asText()).isEqualTo("Zoë 王伟 محمد 🦊");
    }

    @Test
    void aRejectedBatchFailsTheJobWithTheCrmsAnswer() {
        CRM.then(422, "{\"error\":\"phone number invalid\"}", Map.of());

        JsonNode job = jobs.awaitFinished("admin",
                jobs.start("admin", "{\"destination\": \"crm\"}").get("id").asText(), Duration.ofSeconds(30));

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).contains("422").contains("phone number invalid");
        assertThat(CRM.keysSeen).as("a rejection is not retried").hasSize(1);
    }

    @Test
    void aCrmThatEchoesTheRejectedRecordsLeavesOnlyItsCodeAndMessageInTheJobHistoryAndLogs() {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        CRM.then(409, "{\"error\": {\"code\": \"DUPLICATE_VALUE\", \"message\": \"Lead 'Lead 3' "
                + "(jane.doe@example.com, +1 415-555-0132) already exists\"}, \"record\": {\"fullName\": \"Lead 3\", "
                + "\"email\": \"jane.doe@example.com\", \"notes\": \"Plain note\"}}", Map.of());
        try {
            JsonNode job = jobs.awaitFinished("admin",
                    jobs.start("admin", "{\"destination\": \"crm\"}").get("id").asText(), Duration.ofSeconds(30));

            String error = job.get("error").asText();
            assertThat(error).isEqualTo("The CRM answered HTTP 409 Conflict: DUPLICATE_VALUE: Lead … (…, …) already exists");
            JsonNode history = Jobs.json(new Api(port).get("admin", "/api/leads/export/history?size=500"));
            assertThat(history.get("items")).anySatisfy(row -> {
                assertThat(row.get("jobId").asText()).isEqualTo(job.get("id").asText());
                assertThat(row.get("error").asText()).isEqualTo(error);
            });
            assertThat(logs.list).extracting(line -> line.getFormattedMessage() + " "
                            + (line.getThrowableProxy() == null ? "" : line.getThrowableProxy().getMessage()))
                    .noneMatch(line -> line.contains("jane.doe@example.com") || line.contains("Plain note"));
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void aCrmDestinationTakesJsonOnly() throws IOException {
        var response = new Api(port).post("admin", "/api/leads/export", "{\"destination\": \"crm\", \"format\": \"csv\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jobs.json(response).get("errors").get(0).get("field").asText()).isEqualTo("format");
    }
}
