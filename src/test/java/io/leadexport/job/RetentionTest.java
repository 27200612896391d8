package io.leadexport.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.support.Api;
import io.leadexport.support.SmallLimitsTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Files are deleted after the retention period (here 2 s) or on request; the job and the history stay. */
@SmallLimitsTest
class RetentionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobStore store;

    Api api;
    Jobs jobs;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        jobs = new Jobs(api);
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        leads.insert(TestLeads.plain("Jane", Instant.parse("2024-01-01T00:00:00Z")));
    }

    @Test
    void anExpiredFileIsGoneButTheJobAndHistoryStay() {
        String id = jobs.start("manager", "{}").get("id").asText();
        JsonNode done = jobs.awaitFinished("manager", id, Duration.ofSeconds(20));
        String url = done.get("file").get("downloadUrl").asText();
        assertThat(api.get("manager", url).statusCode()).isEqualTo(200);
        Path file = Path.of(store.find(id).orElseThrow().filePath());
        assertThat(file).isRegularFile();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("manager", url).statusCode()).isEqualTo(410));
        // Expired answers 410 at once; the retention sweep then deletes the file and records when.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !jobs.get("manager", id).get("file").get("deletedAt").isNull());

        assertThat(file).as("the sweep deleted the file from disk").doesNotExist();
        assertThat(file.getParent()).as("and its folder").doesNotExist();
        JsonNode expired = jobs.get("manager", id);
        assertThat(expired.get("status").asText()).isEqualTo("succeeded");
        assertThat(expired.get("file").get("downloadUrl").isNull()).isTrue();
        assertThat(expired.get("file").get("deletedAt").isNull()).isFalse();
        assertThat(Jobs.json(api.get("admin", "/api/leads/export/history?size=500")).get("items")
                .findValuesAsText("jobId")).contains(id);
        assertThat(Jobs.json(api.get("manager", "/api/leads/export/jobs/" + id + "/file")).get("status").asInt())
                .isEqualTo(410);
    }

    @Test
    void deletingAFinishedJobDeletesItsFile() {
        String id = jobs.start("manager", "{}").get("id").asText();
        JsonNode done = jobs.awaitFinished("manager", id, Duration.ofSeconds(20));
        Path file = Path.of(store.find(id).orElseThrow().filePath());
        assertThat(file).isRegularFile();

        var response = api.delete("manager", "/api/leads/export/jobs/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(file).as("deleted from disk").doesNotExist();
        assertThat(Jobs.json(response).get("file").get("deletedAt").isNull()).isFalse();
        assertThat(api.get("manager", done.get("file").get("downloadUrl").asText()).statusCode()).isEqualTo(410);
    }
}
