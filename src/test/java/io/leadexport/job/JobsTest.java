package io.leadexport.job;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.database.DemoLeadSeeder;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import io.leadexport.security.ExportUser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Background jobs over HTTP (docs/api.md, "Jobs"): start, progress, download, access, history, recovery. */
@EndToEndTest
class JobsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JobStore store;

    Api api;
    Jobs jobs;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        jobs = new Jobs(api);
        new TestLeads(jdbc).deleteAll();
    }

    @Test
    void fiveThousandLeadsExportInTheBackgroundAndDownload() throws Exception {
        DemoLeadSeeder.seed(dataSource, 5000, Instant.now(), 7L);

        JsonNode started = jobs.start("admin",
                "{\"format\": \"csv\", \"template\": \"basic\", \"filter\": {\"createdFrom\": \"2000-01-01\"}}");
        assertThat(started.get("status").asText()).isIn("queued", "running");
        assertThat(started.get("trigger").asText()).isEqualTo("http");
        assertThat(started.get("requestedBy").asText()).isEqualTo("admin");
        JsonNode job = jobs.awaitFinished("admin", started.get("id").asText(), Duration.ofSeconds(30));

        assertThat(job.get("status").asText()).isEqualTo("succeeded");
        JsonNode progress = job.get("progress");
        assertThat(progress.get("processed").asLong()).isEqualTo(5000);
        assertThat(progress.get("total").asLong()).isEqualTo(5000);
        assertThat(progress.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(progress.get("etaSeconds").asLong()).isZero();
        JsonNode file = job.get("file");
        assertThat(file.get("name").asText())
                .matches("leads_export_basic_created-from-2000-01-01_\\d{4}-\\d{2}-\\d{2}_\\d{6}\\.csv");
        assertThat(Instant.parse(file.get("expiresAt").asText())).isAfter(Instant.now().plus(Duration.ofHours(23)));

        HttpResponse<byte[]> download = api.get("admin", file.get("downloadUrl").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"" + file.get("name").asText() + "\"; filename*=UTF-8''"
                        + file.get("name").asText());
        assertThat(download.body().length).isEqualTo(file.get("size").asLong());
        assertThat(download.headers().firstValue("X-Export-Filter")).hasValue("{\"createdFrom\":\"2000-01-01\"}");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())))
                .isEqualTo(file.get("sha256").asText());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Api.text(download))).getRecords();
        assertThat(rows).hasSize(5000);
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly("Full Name", "Phone Number", "Email", "Status", "Created Date");
    }

    @Test
    void aBadRequestBodyIsAProblemAndQueuesNothing() {
        long before = store.count(null);

        HttpResponse<byte[]> unknown = api.post("admin", "/api/leads/export", "{\"format\": \"csv\", \"fitler\": {}}");
        HttpResponse<byte[]> broken = api.post("admin", "/api/leads/export", "{\"format\": ");
        HttpResponse<byte[]> plain = api.post("manager", "/api/leads/export", "{\"nationalId\": \"plain\"}");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Jobs.json(unknown).get("errors").get(0).get("field").asText()).isEqualTo("fitler");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Jobs.json(broken).get("errors").get(0).get("field").asText()).isEqualTo("body");
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(store.count(null)).isEqualTo(before);
    }

    @Test
    void aManagerSeesOnlyItsOwnJobsAndNoHistory() {
        new TestLeads(jdbc).insert(TestLeads.plain("Jane", Instant.parse("2024-01-01T00:00:00Z")));
        String mine = jobs.start("manager", "{}").get("id").asText();
        String theirs = jobs.start("manager2", "{}").get("id").asText();
        jobs.awaitFinished("manager", mine, Duration.ofSeconds(20));
        jobs.awaitFinished("manager2", theirs, Duration.ofSeconds(20));

        assertThat(api.get("manager", "/api/leads/export/jobs/" + theirs).statusCode()).isEqualTo(404);
        assertThat(api.get("manager", "/api/leads/export/jobs/" + theirs + "/file").statusCode()).isEqualTo(404);
        assertThat(api.delete("manager", "/api/leads/export/jobs/" + theirs).statusCode()).isEqualTo(404);
        assertThat(api.get("manager", "/api/leads/export/jobs/not-a-uuid").statusCode()).isEqualTo(404);
        assertThat(api.get("manager", "/api/leads/export/history").statusCode()).isEqualTo(403);
        assertThat(api.get("admin", "/api/leads/export/jobs/" + theirs).statusCode()).isEqualTo(200);

        JsonNode page = Jobs.json(api.get("manager", "/api/leads/export/jobs?size=500"));
        assertThat(page.get("items").findValuesAsText("requestedBy")).isNotEmpty().containsOnly("manager");
        assertThat(page.get("items").findValuesAsText("id")).contains(mine).doesNotContain(theirs);
        JsonNode all = Jobs.json(api.get("admin", "/api/leads/export/jobs?size=500"));
        assertThat(all.get("items").findValuesAsText("id")).contains(mine, theirs);
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("admin", "/api/leads/export/jobs?size=501").statusCode()).isEqualTo(400);
    }

    @Test
    void jobsAreListedNewestFirstInPages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(jobs.start("manager2", "{\"fields\": [\"fullName\"]}").get("id").asText());
        }

        JsonNode first = Jobs.json(api.get("manager2", "/api/leads/export/jobs?page=0&size=2"));
        JsonNode second = Jobs.json(api.get("manager2", "/api/leads/export/jobs?page=1&size=2"));

        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("items").findValuesAsText("id")).containsExactly(ids.get(2), ids.get(1));
        assertThat(second.get("items").findValuesAsText("id")).startsWith(ids.get(0));
    }

    @Test
    void historyRecordsEveryOutcomeWhateverTheTrigger() throws IOException {
        // Only this test's entries: the history of the shared context holds other tests' exports too.
        String since = "/api/leads/export/history?size=500&from="
                + jdbc.queryForObject("select now()", java.sql.Timestamp.class).toInstant();
        new TestLeads(jdbc).insert(TestLeads.plain("Jane", Instant.parse("2024-01-01T00:00:00Z")));
        String succeeded = jobs.start("admin", "{\"format\": \"json\", \"filter\": {\"status\": [\"new\"]}}")
                .get("id").asText();
        // A job whose request no longer validates when it runs (e.g. a destination removed from the configuration).
        String failing = UUID.randomUUID().toString();
        store.insert(failing, "schedule", ExportUser.schedule("nightly"), "{\"format\": \"pdf\"}", "download", null);
        jobs.awaitFinished("admin", succeeded, Duration.ofSeconds(20));
        jobs.awaitFinished("admin", failing, Duration.ofSeconds(20));
        HttpResponse<byte[]> sync = api.get("admin", "/api/leads/export?format=csv&nationalId=omitted");
        assertThat(sync.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Jobs.json(api.get("admin", since)).get("items").findValuesAsText("trigger"))
                .contains("http", "schedule"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Jobs.json(api.get("admin", since)).get("items")).hasSizeGreaterThanOrEqualTo(3));
        JsonNode items = Jobs.json(api.get("admin", since)).get("items");
        JsonNode ok = find(items, succeeded);
        assertThat(ok.get("status").asText()).isEqualTo("succeeded");
        assertThat(ok.get("format").asText()).isEqualTo("json");
        assertThat(ok.get("template").asText()).isEqualTo("full");
        assertThat(ok.get("filter").toString()).isEqualTo("{\"status\":[\"new\"]}");
        assertThat(ok.get("nationalId").asText()).isEqualTo("masked");
        assertThat(ok.get("rows").asLong()).isEqualTo(1);
        assertThat(ok.get("fileName").asText()).endsWith(".json");
        assertThat(ok.get("fileSize").asLong()).isPositive();
        assertThat(ok.get("durationMs").asLong()).isNotNegative();
        assertThat(ok.get("destination").asText()).isEqualTo("download");
        assertThat(ok.get("requestedBy").asText()).isEqualTo("admin");
        assertThat(ok.get("fields")).hasSize(14);

        JsonNode failed = find(items, failing);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").asText()).contains("'pdf' is not a format");
        assertThat(failed.get("requestedBy").asText()).isEqualTo("nightly");

        JsonNode download = null;
        for (JsonNode item : items) {
            if ("http".equals(item.get("trigger").asText()) && "omitted".equals(item.get("nationalId").asText())) {
                download = item;
            }
        }
        assertThat(download).as("the synchronous GET is in the history").isNotNull();
        assertThat(download.get("status").asText()).isEqualTo("succeeded");
        assertThat(download.get("rows").asLong()).isEqualTo(1);

        JsonNode failedOnly = Jobs.json(api.get("admin", since + "&status=failed&user=nightly"));
        assertThat(failedOnly.get("items").findValuesAsText("jobId")).contains(failing);
        assertThat(failedOnly.get("items").findValuesAsText("status")).containsOnly("failed");
        assertThat(Jobs.json(api.get("admin", "/api/leads/export/history?from=2000-01-01&to=2000-01-02"))
                .get("total").asLong()).isZero();
    }

    @Test
    void theHistoryTableIsAppendOnly() {
        jdbc.update("insert into export_history (job_id, finished_at, requested_by, trigger, format, template, fields, "
                + "filter, national_id, status, destination) values (gen_random_uuid(), now(), 'x', 'http', 'csv', "
                + "'full', '[]', '{}', 'masked', 'succeeded', 'download')");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.update("delete from export_history")))
                .hasMessageContaining("append-only");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> jdbc.update("update export_history set status = 'failed'"))).hasMessageContaining("append-only");
    }

    @Test
    void aJobOfADeadInstanceRunsAgainAndAStaleWorkerCannotFinishIt() {
        new TestLeads(jdbc).insert(TestLeads.plain("Jane", Instant.parse("2024-01-01T00:00:00Z")));
        // What a kill -9 leaves behind: running, attempt 1, on an instance whose heartbeat stopped long ago. Written
        // in one statement: a job inserted as queued first could be claimed by a worker before it is made running.
        String orphan = insertOrphan(1);

        JsonNode job = jobs.awaitFinished("admin", orphan, Duration.ofSeconds(20));

        assertThat(job.get("status").asText()).isEqualTo("succeeded");
        assertThat(job.get("attempt").asInt()).isEqualTo(2);
        assertThat(store.succeeded(orphan, 1, 1, "x.csv", "/tmp/x.csv", 1, "0", Instant.now(), null, 1))
                .as("the dead instance's attempt is fenced off").isFalse();
        assertThat(store.find(orphan).orElseThrow().fileName()).isNotEqualTo("x.csv");
    }

    @Test
    void aJobThatKeepsDyingIsFailedAfterMaxAttempts() {
        String orphan = insertOrphan(3);

        JsonNode job = jobs.awaitFinished("admin", orphan, Duration.ofSeconds(20));

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).contains("stopped, 3 times");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                Jobs.json(api.get("admin", "/api/leads/export/history?status=failed&size=500")).get("items")
                        .findValuesAsText("jobId")).contains(orphan));
    }

    @Test
    void aTickOrFileSeenByTwoInstancesBecomesOneJob() {
        String source = "schedule:nightly:2024-01-01T02:00:00Z";

        ExportJob first = store.insert(UUID.randomUUID().toString(), "schedule", ExportUser.schedule("nightly"), "{}",
                "download", source);
        ExportJob second = store.insert(UUID.randomUUID().toString(), "schedule", ExportUser.schedule("nightly"), "{}",
                "download", source);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(jdbc.queryForObject("select count(*) from export_jobs where source = ?", Long.class, source))
                .isEqualTo(1);
    }

    @Test
    void metricsAndHealthAreExposed() {
        new TestLeads(jdbc).insert(TestLeads.plain("Jane", Instant.parse("2024-01-01T00:00:00Z")));
        api.get("admin", "/api/leads/export?format=csv");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                Api.text(api.get("admin", "/actuator/prometheus")))
                .contains("lead_export_exports_total{format=\"csv\",status=\"succeeded\",trigger=\"http\"}")
                .contains("lead_export_rows"));
        assertThat(api.get("manager", "/actuator/prometheus").statusCode()).isEqualTo(403);
        JsonNode health = Jobs.json(api.get("admin", "/actuator/health"));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").has("db")).isTrue();
        assertThat(health.get("components").has("camelHealth")).isTrue();
    }

    /** A job left running by an instance that died an hour ago, at the given attempt. */
    private String insertOrphan(int attempt) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into export_jobs (id, status, trigger, requested_by, requested_roles, request, destination, "
                + "attempt, worker, heartbeat_at, started_at) values (?::uuid, 'running', 'http', 'admin', 'ADMIN', "
                + "'{\"format\": \"csv\"}'::jsonb, 'download', ?, 'dead-instance', now() - interval '1 hour', "
                + "now() - interval '1 hour')", id, attempt);
        return id;
    }

    private static JsonNode find(JsonNode items, String jobId) {
        for (JsonNode item : items) {
            if (jobId.equals(item.get("jobId").asText())) {
                return item;
            }
        }
        throw new AssertionError("no history for " + jobId + " in " + items);
    }
}
