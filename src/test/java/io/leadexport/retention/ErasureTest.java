package io.leadexport.retention;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.audit.AuditLog;
import io.leadexport.query.LeadQueryBuilder;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure over HTTP: a search text or a lead id is removed from stored requests, filters, file names, errors and audit
 * details (history and audit rows stay, redacted), the files that hold it are deleted, and nothing else is touched.
 */
@EndToEndTest
class ErasureTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper json;
    @Autowired
    ExportRequestParser parser;
    @Autowired
    LeadQueryBuilder queries;
    @Autowired
    AuditLog audit;
    @TempDir
    Path folders;

    Api api;
    Jobs jobs;
    String name;
    TestLeads.Lead erin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        jobs = new Jobs(api);
        name = "Erin Erasable" + UUID.randomUUID().toString().substring(0, 6);
        erin = TestLeads.plain(name, Instant.parse("2024-05-01T10:00:00Z")).withStatus("qualified");
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        leads.insert(erin, TestLeads.plain("Olga Other", Instant.parse("2024-05-02T10:00:00Z")).withStatus("lost"));
    }

    @Test
    void aSearchTextIsRedactedEverywhereAndItsFilesDeleted() {
        String mine = jobs.start("manager", "{\"filter\": {\"search\": \"" + name + "\"}}").get("id").asText();
        String other = jobs.start("manager", "{\"filter\": {\"search\": \"Olga Other\"}}").get("id").asText();
        JsonNode mineDone = jobs.awaitFinished("manager", mine, Duration.ofSeconds(20));
        jobs.awaitFinished("manager", other, Duration.ofSeconds(20));
        assertThat(api.post("admin", "/api/leads/export/preview",
                "{\"filter\": {\"search\": \"" + name + "\"}}").statusCode()).isEqualTo(200);
        String failed = failedJob("CRM 422 duplicate: " + name.toUpperCase() + " exists");
        jdbc.update("insert into inbox_files (name, outcome, error) values (?, 'refused', ?)",
                "export-" + name + ".json", "no lead matches " + name);
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(name) >= 5);

        HttpResponse<byte[]> erased = api.post("admin", "/api/leads/export/erasure",
                "{\"search\": \"" + name.toLowerCase() + "\"}");

        assertThat(erased.statusCode()).as(Api.text(erased)).isEqualTo(200);
        JsonNode counts = Jobs.json(erased).get("erased");
        assertThat(counts.get("downloadFiles").asLong()).isEqualTo(1);
        assertThat(counts.get("export_jobs").asLong()).isEqualTo(2);
        assertThat(stored(name)).as("no stored copy of the text is left").isZero();

        JsonNode job = jobs.get("manager", mine);
        assertThat(job.at("/request/filter/search").asText()).isEqualTo("[erased]");
        assertThat(api.get("manager", mineDone.at("/file/downloadUrl").asText()).statusCode()).isEqualTo(410);
        assertThat(jobs.get("admin", failed).get("error").asText()).isEqualTo("CRM 422 duplicate: [erased] exists");
        JsonNode history = Jobs.json(api.get("admin", "/api/leads/export/history?user=manager&size=500"));
        assertThat(history.get("items")).anySatisfy(row -> {
            assertThat(row.get("jobId").asText()).isEqualTo(mine);
            assertThat(row.at("/filter/search").asText()).isEqualTo("[erased]");
        });
        JsonNode previews = Jobs.json(api.get("admin", "/api/leads/export/audit?action=preview&user=admin&size=500"));
        assertThat(previews.get("items").findValuesAsText("search")).contains("[erased]").doesNotContain(name);

        // Nothing else was touched: the other job keeps its request and its file.
        JsonNode untouched = jobs.get("manager", other);
        assertThat(untouched.at("/request/filter/search").asText()).isEqualTo("Olga Other");
        assertThat(api.get("manager", untouched.at("/file/downloadUrl").asText()).statusCode()).isEqualTo(200);

        JsonNode entry = await().atMost(Duration.ofSeconds(10)).until(() -> Jobs.json(api.get("admin",
                "/api/leads/export/audit?action=erasure&size=1")).get("items").get(0), e -> e != null
                && e.at("/details/erased/downloadFiles").asLong() == 1 && "search".equals(e.at("/details/kind").asText()));
        assertThat(entry.toString()).doesNotContainIgnoringCase(name);
        assertThat(entry.get("user").asText()).isEqualTo("admin");
    }

    @Test
    void aLeadIdDeletesTheFilesThatHoldTheLeadAndIsRedactedFromErrors() {
        String holding = jobs.start("manager", "{\"filter\": {\"status\": [\"qualified\"]}}").get("id").asText();
        String notHolding = jobs.start("manager", "{\"filter\": {\"status\": [\"lost\"]}}").get("id").asText();
        JsonNode holdingDone = jobs.awaitFinished("manager", holding, Duration.ofSeconds(20));
        JsonNode notHoldingDone = jobs.awaitFinished("manager", notHolding, Duration.ofSeconds(20));
        String failed = failedJob("CRM rejected lead " + erin.id());

        HttpResponse<byte[]> erased = api.post("admin", "/api/leads/export/erasure",
                "{\"leadId\": \"" + erin.id() + "\"}");

        assertThat(erased.statusCode()).as(Api.text(erased)).isEqualTo(200);
        assertThat(api.get("manager", holdingDone.at("/file/downloadUrl").asText()).statusCode()).isEqualTo(410);
        assertThat(api.get("manager", notHoldingDone.at("/file/downloadUrl").asText()).statusCode()).isEqualTo(200);
        assertThat(jobs.get("admin", failed).get("error").asText()).isEqualTo("CRM rejected lead [erased]");
    }

    @Test
    void filesInTheOutboxAndTheInboxFoldersGoWhenTheyHoldTheValue() throws Exception {
        Path inbox = Files.createDirectories(folders.resolve("inbox"));
        Path outbox = Files.createDirectories(folders.resolve("outbox"));
        Path done = Files.createDirectories(inbox.resolve(".done"));
        Path request = Files.writeString(done.resolve("nightly.json"), "{\"filter\": {\"search\": \"" + name + "\"}}");
        Path otherRequest = Files.writeString(done.resolve("weekly.json"), "{\"filter\": {\"status\": [\"new\"]}}");
        Path pending = Files.writeString(inbox.resolve("pending.json"), "{\"filter\": {\"search\": \"" + name + "\"}}");
        Path csv = Files.writeString(outbox.resolve("leads_export_search_2024-05-01_000000.csv"), "Full Name\r\nx\r\n");
        Path manifest = Files.writeString(outbox.resolve("leads_export_search_2024-05-01_000000.csv.manifest.json"),
                "{\"filter\": {\"search\": \"" + name + "\"}}");
        Path holdsLead = Files.writeString(outbox.resolve("leads_export_2024-05-01_000001.json"),
                "{\"leads\": [{\"leadId\": \"" + erin.id() + "\"}]}");
        Path unrelated = Files.writeString(outbox.resolve("leads_export_2024-05-01_000002.csv"), "Full Name\r\ny\r\n");
        Erasure erasure = new Erasure(dataSource, json, parser, queries, audit, inbox, outbox);

        erasure.eraseSearch(name);

        assertThat(request).doesNotExist();
        assertThat(csv).as("a CSV goes with its manifest").doesNotExist();
        assertThat(manifest).doesNotExist();
        assertThat(otherRequest).exists();
        assertThat(pending).as("a request not yet taken is not erased under the automation").exists();
        assertThat(holdsLead).exists();
        assertThat(unrelated).exists();

        erasure.eraseLead(erin.id());

        assertThat(holdsLead).doesNotExist();
        assertThat(unrelated).exists();
    }

    @Test
    void badRequestsAreRefusedAndOnlyAdminsMayErase() {
        assertThat(api.post("manager", "/api/leads/export/erasure", "{\"search\": \"" + name + "\"}").statusCode())
                .isEqualTo(403);
        assertThat(problem("{}")).contains("exactly one");
        assertThat(problem("{\"search\": \"ab\"}")).contains("search");
        assertThat(problem("{\"leadId\": \"nope\"}")).contains("leadId", "nope");
        assertThat(problem("{\"search\": \"Erin\", \"name\": \"x\"}")).contains("name: unknown property");
        assertThat(problem("{\"search\": \"Erin\", \"leadId\": \"" + erin.id() + "\"}")).contains("exactly one");
    }

    private String problem(String body) {
        HttpResponse<byte[]> response = api.post("admin", "/api/leads/export/erasure", body);
        assertThat(response.statusCode()).as(Api.text(response)).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return Jobs.json(response).get("detail").asText();
    }

    /** A failed job whose error holds the value, and its history row. */
    private String failedJob(String error) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into export_jobs (id, status, trigger, requested_by, requested_roles, request, destination, "
                + "created_at, finished_at, error) values (?::uuid, 'failed', 'schedule', 'nightly', 'ADMIN', "
                + "'{\"format\": \"csv\"}'::jsonb, 'crm', now(), now(), ?)", id, error);
        jdbc.update("insert into export_history (job_id, finished_at, requested_by, trigger, format, template, fields, "
                + "filter, national_id, status, destination, error) values (?::uuid, now(), 'nightly', 'schedule', "
                + "'csv', 'full', '[]', '{}', 'masked', 'failed', 'crm', ?)", id, error);
        return id;
    }

    /** Stored rows (jobs, history, audit) that still hold the text anywhere. */
    private long stored(String text) {
        String like = "%" + text.toLowerCase() + "%";
        return jdbc.queryForObject("select (select count(*) from export_jobs where lower(request::text || "
                + "coalesce(error, '') || coalesce(file_name, '')) like ?) + (select count(*) from export_history "
                + "where lower(filter::text || coalesce(error, '') || coalesce(file_name, '')) like ?) + "
                + "(select count(*) from audit_log where lower(details::text || coalesce(target, '')) like ?) + "
                + "(select count(*) from inbox_files where lower(name || coalesce(error, '')) like ?)",
                Long.class, like, like, like, like);
    }
}
