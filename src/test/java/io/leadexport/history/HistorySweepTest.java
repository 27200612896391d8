package io.leadexport.history;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The history sweep: a finished job whose history row was never written (its tap was lost) gets it. */
@EndToEndTest
class HistorySweepTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFinishedJobWithoutAHistoryRowGetsOneFromTheSweep() {
        Api api = new Api(port);
        String id = UUID.randomUUID().toString();
        String user = "sweep-" + id.substring(0, 8);
        // A job that failed ten minutes ago on an instance that stopped before its history tap ran.
        jdbc.update("insert into export_jobs (id, status, trigger, requested_by, requested_roles, request, destination, "
                + "processed, attempt, created_at, started_at, finished_at, error) values (?::uuid, 'failed', 'http', ?, "
                + "'MANAGER', ?::jsonb, 'download', 42, 1, now() - interval '11 minutes', "
                + "now() - interval '11 minutes', now() - interval '10 minutes', 'the disk was full')",
                id, user, "{\"format\": \"json\", \"template\": \"basic\", \"fields\": [\"leadId\", \"fullName\"], "
                        + "\"filter\": {}, \"nationalId\": \"masked\", \"destination\": \"download\", \"csvBom\": false}");

        JsonNode row = await().atMost(Duration.ofSeconds(20)).until(
                () -> Jobs.json(api.get("admin", "/api/leads/export/history?user=" + user)).get("items"),
                items -> items.size() == 1).get(0);

        assertThat(row.get("jobId").asText()).isEqualTo(id);
        assertThat(row.get("status").asText()).isEqualTo("failed");
        assertThat(row.get("format").asText()).isEqualTo("json");
        assertThat(row.get("template").asText()).isEqualTo("basic");
        assertThat(row.get("rows").asLong()).isEqualTo(42);
        assertThat(row.get("durationMs").asLong()).isEqualTo(60_000);
        assertThat(row.get("error").asText()).isEqualTo("the disk was full");
        // Written once: the next sweeps find the row there.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(
                () -> jdbc.queryForObject("select count(*) from export_history where job_id = ?::uuid", Long.class, id),
                count -> count == 1);
    }
}
