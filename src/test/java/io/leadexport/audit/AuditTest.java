package io.leadexport.audit;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** The audit log over HTTP: each audited action done as a user would, then read back as an ADMIN. */
@EndToEndTest
class AuditTest {

    private static final String LOOPBACK = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Jobs jobs;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        jobs = new Jobs(api);
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        leads.insert(TestLeads.plain("Audrey Auditor", Instant.parse("2024-03-01T10:00:00Z")),
                TestLeads.plain("Bert Other", Instant.parse("2024-03-02T10:00:00Z")));
    }

    @Test
    void aFailedSignInIsRecordedWithTheNameTriedAndTheAddress() {
        String name = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<byte[]> refused = api.get(name, "/api/leads/export/jobs");
        assertThat(refused.statusCode()).isEqualTo(401);

        JsonNode entry = awaitOne("?action=sign-in-failed&user=" + name);

        assertThat(entry.get("user").asText()).isEqualTo(name);
        assertThat(entry.get("address").asText()).matches(LOOPBACK);
        assertThat(entry.get("target").isNull()).isTrue();
    }

    @Test
    void aPreviewIsRecordedWithItsFilterAndTheRowsShown() {
        String search = "Audrey" + UUID.randomUUID().toString().substring(0, 4);
        jdbc.update("update leads set full_name = ? where full_name = 'Audrey Auditor'", search);

        HttpResponse<byte[]> preview = api.post("manager", "/api/leads/export/preview",
                "{\"filter\": {\"search\": \"" + search + "\", \"status\": [\"new\"]}}");
        assertThat(preview.statusCode()).as(Api.text(preview)).isEqualTo(200);

        JsonNode entry = await().atMost(Duration.ofSeconds(10)).until(
                () -> entries("?action=preview&user=manager&size=500").stream()
                        .filter(e -> search.equals(e.at("/details/filter/search").asText())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(entry.at("/details/rows").asInt()).isEqualTo(1);
        assertThat(entry.at("/details/count").asInt()).isEqualTo(1);
        assertThat(entry.at("/details/filter/status/0").asText()).isEqualTo("new");
        assertThat(entry.get("address").asText()).matches(LOOPBACK);
    }

    @Test
    void downloadingSomeoneElsesFileRecordsWhoseJobItWas() {
        String id = jobs.start("manager", "{\"format\": \"csv\"}").get("id").asText();
        JsonNode done = jobs.awaitFinished("manager", id, Duration.ofSeconds(20));
        assertThat(api.get("admin", done.at("/file/downloadUrl").asText()).statusCode()).isEqualTo(200);

        JsonNode entry = awaitOne("?action=download&user=admin&size=500", id);

        assertThat(entry.at("/details/owner").asText()).isEqualTo("manager");
        assertThat(entry.at("/details/fileName").asText()).isEqualTo(done.at("/file/name").asText());
    }

    @Test
    void deletingAFileIsRecorded() {
        String id = jobs.start("manager", "{}").get("id").asText();
        jobs.awaitFinished("manager", id, Duration.ofSeconds(20));
        assertThat(api.delete("manager", "/api/leads/export/jobs/" + id).statusCode()).isEqualTo(200);

        JsonNode entry = awaitOne("?action=file-delete&user=manager&size=500", id);

        assertThat(entry.at("/details/owner").asText()).isEqualTo("manager");
    }

    @Test
    void plainNationalIdExportsAreRecordedBackgroundAndStreamed() {
        String id = jobs.start("admin", "{\"nationalId\": \"plain\"}").get("id").asText();
        awaitOne("?action=export-plain-national-id&user=admin&size=500", id);

        HttpResponse<byte[]> streamed = api.get("admin", "/api/leads/export?nationalId=plain&status=new");
        assertThat(streamed.statusCode()).isEqualTo(200);
        String rows = streamed.headers().firstValue("X-Export-Rows").orElseThrow();
        assertThat(rows).isEqualTo("2");
        await().atMost(Duration.ofSeconds(10)).until(() -> entries("?action=export-plain-national-id&size=500")
                .stream().anyMatch(e -> "http".equals(e.at("/details/trigger").asText())
                        && List.of("new").toString().equals(e.at("/details/filter/status").toString()
                        .replace("\"", ""))));

        // A masked export is not noted.
        String masked = jobs.start("admin", "{}").get("id").asText();
        jobs.awaitFinished("admin", masked, Duration.ofSeconds(20));
        assertThat(entries("?action=export-plain-national-id&size=500"))
                .noneMatch(e -> masked.equals(e.get("target").asText()));
    }

    @Test
    void theListIsForAdminsPagedAndFiltered() {
        assertThat(api.get("manager", "/api/leads/export/audit").statusCode()).isEqualTo(403);

        String name = "filter-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            api.get(name, "/api/leads/export/jobs");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> total("?user=" + name) == 3);

        JsonNode page = Jobs.json(api.get("admin", "/api/leads/export/audit?user=" + name + "&size=2&page=1"));
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        JsonNode first = Jobs.json(api.get("admin", "/api/leads/export/audit?user=" + name)).get("items");
        assertThat(Instant.parse(first.get(0).get("at").asText()))
                .isAfterOrEqualTo(Instant.parse(first.get(2).get("at").asText()));

        String at = first.get(0).get("at").asText();
        assertThat(total("?user=" + name + "&from=" + at)).isGreaterThanOrEqualTo(1);
        assertThat(total("?user=" + name + "&to=2000-01-01")).isZero();
        assertThat(total("?user=" + name + "&action=preview")).isZero();

        JsonNode bad = Jobs.json(api.get("admin", "/api/leads/export/audit?action=look"));
        assertThat(bad.get("status").asInt()).isEqualTo(400);
        assertThat(bad.get("detail").asText()).contains("sign-in-failed", "preview");
        assertThat(Jobs.json(api.get("admin", "/api/leads/export/audit?from=yesterday")).get("detail").asText())
                .contains("from 'yesterday'");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRows() {
        String name = "guard-" + UUID.randomUUID().toString().substring(0, 8);
        api.get(name, "/api/leads/export/jobs");
        await().atMost(Duration.ofSeconds(10)).until(() -> total("?user=" + name) == 1);

        assertThat(catchThrowable(() -> jdbc.update("update audit_log set actor = 'x' where actor = ?", name)))
                .hasMessageContaining("audit_log is append-only");
        assertThat(catchThrowable(() -> jdbc.update("delete from audit_log where actor = ?", name)))
                .hasMessageContaining("audit_log is append-only");
        assertThat(catchThrowable(() -> jdbc.update("truncate audit_log")))
                .hasMessageContaining("audit_log is append-only");
        assertThat(total("?user=" + name)).isEqualTo(1);
    }

    private JsonNode awaitOne(String query) {
        await().atMost(Duration.ofSeconds(10)).until(() -> total(query) == 1);
        return entries(query).get(0);
    }

    private JsonNode awaitOne(String query, String target) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> entries(query).stream()
                .filter(e -> target.equals(e.get("target").asText())).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private List<JsonNode> entries(String query) {
        HttpResponse<byte[]> response = api.get("admin", "/api/leads/export/audit" + query);
        assertThat(response.statusCode()).as(Api.text(response)).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        Jobs.json(response).get("items").forEach(items::add);
        return items;
    }

    private long total(String query) {
        HttpResponse<byte[]> response = api.get("admin", "/api/leads/export/audit" + query);
        assertThat(response.statusCode()).as(Api.text(response)).isEqualTo(200);
        return Jobs.json(response).get("total").asLong();
    }
}
