package io.leadexport.http;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/leads/export} with an {@code Idempotency-Key}: a repeat of the key by the same user answers the
 * job the first one started (a double click, a retry after a lost answer), within 24 hours.
 */
@EndToEndTest
class IdempotencyKeyTest {

    private static final String REQUEST = "{\"template\": \"basic\", \"filter\": {\"status\": [\"new\"]}}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aRepeatedKeyAnswersTheFirstJobAndStartsNoOther() {
        String key = UUID.randomUUID().toString();

        HttpResponse<byte[]> first = api.post("manager", "/api/leads/export", REQUEST, "Idempotency-Key", key);
        HttpResponse<byte[]> second = api.post("manager", "/api/leads/export", REQUEST, "Idempotency-Key", key);

        assertThat(first.statusCode()).as(Api.text(first)).isEqualTo(202);
        assertThat(second.statusCode()).as(Api.text(second)).isEqualTo(202);
        String id = Jobs.json(first).get("id").asText();
        assertThat(Jobs.json(second).get("id").asText()).isEqualTo(id);
        assertThat(second.headers().firstValue("Location")).hasValue("/api/leads/export/jobs/" + id);
        assertThat(jobsWithKey("manager", key)).isEqualTo(1);
    }

    @Test
    void withoutAKeyOrWithAnotherKeyEachPostStartsAJob() {
        String a = Jobs.json(api.post("manager", "/api/leads/export", REQUEST)).get("id").asText();
        String b = Jobs.json(api.post("manager", "/api/leads/export", REQUEST)).get("id").asText();
        String c = Jobs.json(api.post("manager", "/api/leads/export", REQUEST, "Idempotency-Key", "k-" + UUID.randomUUID()))
                .get("id").asText();
        String d = Jobs.json(api.post("manager", "/api/leads/export", REQUEST, "Idempotency-Key", "k-" + UUID.randomUUID()))
                .get("id").asText();

        assertThat(java.util.Set.of(a, b, c, d)).hasSize(4);
    }

    @Test
    void keysAreEachUsersOwn() {
        String key = UUID.randomUUID().toString();

        JsonNode managers = Jobs.json(api.post("manager", "/api/leads/export", REQUEST, "Idempotency-Key", key));
        JsonNode others = Jobs.json(api.post("manager2", "/api/leads/export", REQUEST, "Idempotency-Key", key));

        assertThat(others.get("id").asText()).isNotEqualTo(managers.get("id").asText());
        assertThat(others.get("requestedBy").asText()).isEqualTo("manager2");
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndStartsNothing() {
        String key = UUID.randomUUID().toString();
        String id = Jobs.json(api.post("manager", "/api/leads/export", REQUEST, "Idempotency-Key", key)).get("id").asText();

        HttpResponse<byte[]> other = api.post("manager", "/api/leads/export", "{\"template\": \"crm\"}",
                "Idempotency-Key", key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = Jobs.json(other);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(problem.get("jobId").asText()).isEqualTo(id);
        assertThat(jobsWithKey("manager", key)).isEqualTo(1);
    }

    @Test
    void aKeyOlderThan24HoursStartsANewJob() {
        String key = UUID.randomUUID().toString();
        String old = Jobs.json(api.post("manager", "/api/leads/export", REQUEST, "Idempotency-Key", key)).get("id").asText();
        jdbc.update("update export_jobs set created_at = ? where id = ?::uuid",
                java.sql.Timestamp.from(Instant.now().minusSeconds(24 * 3600 + 60)), old);

        HttpResponse<byte[]> again = api.post("manager", "/api/leads/export", REQUEST, "Idempotency-Key", key);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(Jobs.json(again).get("id").asText()).isNotEqualTo(old);
    }

    @Test
    void anUnusableKeyIsRefusedNamingTheHeader() {
        HttpResponse<byte[]> response = api.post("manager", "/api/leads/export", REQUEST, "Idempotency-Key",
                "x".repeat(256));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jobs.json(response).get("detail").asText()).contains("Idempotency-Key");
    }

    private long jobsWithKey(String user, String key) {
        return jdbc.queryForObject("select count(*) from export_jobs where source = ?", Long.class,
                "idempotency-key:" + user + ":" + key);
    }
}
