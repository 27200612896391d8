package io.leadexport.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;

import io.leadexport.export.ExportProperties;
import io.leadexport.support.Api;
import io.leadexport.support.SlowExportsTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.SlowExports;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Progress and cancel while an export runs. Each chunk of 20 rows is slowed down by 20 ms (woven in after the
 * {@code write-records} step), so a 10,000-lead export takes about ten seconds and can be watched and stopped.
 */
@SlowExportsTest
@UseAdviceWith
class SlowJobsTest {

    private static final int LEADS = 10_000;

    @Autowired
    CamelContext camel;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("exportDataSource")
    DataSource exportDataSource;
    @Autowired
    ExportProperties properties;
    @LocalServerPort
    int port;

    Api api;
    Jobs jobs;

    @BeforeEach
    void setUp() throws Exception {
        SlowExports.startOnce(camel, dataSource, LEADS, 11L);
        api = new Api(port);
        jobs = new Jobs(api);
    }

    @Test
    void progressIsUpdatedWhileTheExportRuns() {
        String id = jobs.start("manager", "{\"format\": \"json\"}").get("id").asText();

        JsonNode first = awaitProcessedAtLeast(id, 200);
        long firstProcessed = first.get("progress").get("processed").asLong();
        JsonNode second = awaitProcessedAtLeast(id, firstProcessed + 1);

        assertThat(first.get("status").asText()).isEqualTo("running");
        JsonNode progress = second.get("progress");
        assertThat(progress.get("total").asLong()).isEqualTo(LEADS);
        assertThat(progress.get("processed").asLong()).isGreaterThan(first.get("progress").get("processed").asLong());
        assertThat(progress.get("percent").asDouble()).isGreaterThan(0).isLessThan(100);
        assertThat(progress.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(progress.get("etaSeconds").asLong()).isPositive();
        assertThat(second.get("startedAt").isNull()).isFalse();

        api.delete("manager", "/api/leads/export/jobs/" + id);
    }

    @Test
    void cancellingARunningExportStopsItWithinTwoSecondsAndRemovesThePartialFile() {
        String id = jobs.start("manager", "{\"format\": \"csv\"}").get("id").asText();
        awaitProcessedAtLeast(id, 200);
        Path directory = properties.storage().directory().resolve(id);
        assertThat(directory).isDirectory();

        var response = api.delete("manager", "/api/leads/export/jobs/" + id);
        JsonNode cancelled = Jobs.json(response);

        // 200, not 202: the export had stopped before the cancel answered (202 means still stopping).
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("progress").get("processed").asLong()).isLessThan(LEADS);
        assertThat(cancelled.get("file").isNull()).isTrue();
        assertThat(Files.exists(directory)).as("the partial file and its directory are removed").isFalse();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
                ((HikariDataSource) exportDataSource).getHikariPoolMXBean().getActiveConnections())
                .as("the cursor's connection is back in the pool").isZero());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(history(id)).isNotNull());
        assertThat(history(id).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aQueuedJobIsCancelledAtOnce() {
        String first = jobs.start("admin", "{}").get("id").asText();
        String second = jobs.start("admin", "{}").get("id").asText();
        awaitProcessedAtLeast(first, 1);
        awaitProcessedAtLeast(second, 1);
        String queued = jobs.start("admin", "{}").get("id").asText();
        assertThat(jobs.get("admin", queued).get("status").asText())
                .as("two workers (lead-export.jobs.concurrency) are busy").isEqualTo("queued");

        var response = api.delete("admin", "/api/leads/export/jobs/" + queued);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jobs.json(response).get("status").asText()).isEqualTo("cancelled");
        assertThat(Jobs.json(response).get("startedAt").isNull()).isTrue();
        api.delete("admin", "/api/leads/export/jobs/" + first);
        api.delete("admin", "/api/leads/export/jobs/" + second);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(history(queued)).isNotNull());
        assertThat(jobs.get("admin", queued).get("status").asText()).isEqualTo("cancelled");
    }

    private JsonNode awaitProcessedAtLeast(String id, long rows) {
        JsonNode[] job = new JsonNode[1];
        await().alias("job " + id + " running with " + rows + " rows processed; last seen: " + job[0])
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            job[0] = jobs.get("admin", id);
            return "running".equals(job[0].get("status").asText())
                    && job[0].get("progress").get("processed").asLong() >= rows;
        });
        return job[0];
    }

    private JsonNode history(String jobId) {
        for (JsonNode item : Jobs.json(api.get("admin", "/api/leads/export/history?size=500")).get("items")) {
            if (jobId.equals(item.get("jobId").asText())) {
                return item;
            }
        }
        return null;
    }
}
