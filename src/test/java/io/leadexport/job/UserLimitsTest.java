package io.leadexport.job;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;

import io.leadexport.support.Api;
import io.leadexport.support.SlowExportsTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.SlowExports;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-user limits and the download lane, with exports slow enough to overlap (the context of {@code SlowJobsTest}):
 * a third running download or a 21st queued job answers 429 with Retry-After; downloads run on their own threads and
 * draw on their own connection pool, never the background jobs'.
 */
@SlowExportsTest
@UseAdviceWith
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserLimitsTest {

    private static final int LEADS = 10_000;

    @Autowired
    CamelContext camel;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("exportDataSource")
    DataSource exportDataSource;
    @Autowired
    @Qualifier("downloadDataSource")
    DataSource downloadDataSource;
    @LocalServerPort
    int port;

    Api api;
    Jobs jobs;
    JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        SlowExports.startOnce(camel, dataSource, LEADS, 11L);
        api = new Api(port);
        jobs = new Jobs(api);
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    @Order(1)
    @Disabled("Issue 10, open: passes alone and with SlowJobsTest, but in the full suite's order both downloads finish "
            + "before two running downloads are ever seen; the cause (state left in the shared context) is not found yet")
    void aThirdRunningDownloadIsRefusedWhileDownloadsRunInTheirOwnLaneAndPool() {
        List<CompletableFuture<HttpResponse<Void>>> downloads = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                downloads.add(http.sendAsync(get("manager2", "/api/leads/export?format=csv"),
                        HttpResponse.BodyHandlers.discarding()));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(running("manager2")).as(() -> "download slots taken; the downloads answered "
                        + downloads.stream().map(d -> d.isDone() ? String.valueOf(d.join().statusCode()) : "-").toList())
                        .isEqualTo(2);
                assertThat(exportThreads()).as("threads running an export").filteredOn(n -> n.startsWith("download-"))
                        .hasSize(2);
            });

            HttpResponse<byte[]> third = api.get("manager2", "/api/leads/export?format=csv");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(
                    v -> assertThat(Long.parseLong(v)).isPositive());
            assertThat(api.get("manager", "/api/leads/export/fields").statusCode())
                    .as("another request answers while the downloads run").isEqualTo(200);
            assertThat(exportThreads()).as("exports run on the download lane, never on the API threads")
                    .noneMatch(name -> name.startsWith("http-"));
            assertThat(((HikariDataSource) downloadDataSource).getHikariPoolMXBean().getActiveConnections())
                    .isPositive();
            assertThat(((HikariDataSource) exportDataSource).getHikariPoolMXBean().getActiveConnections())
                    .as("downloads leave the background jobs' pool alone").isZero();
        } finally {
            downloads.forEach(d -> d.cancel(true));
        }
    }

    @Test
    @Order(2)
    void aTwentyFirstQueuedJobIsRefusedAndTheQueueStaysAsItWas() {
        List<String> ids = new ArrayList<>();
        try {
            // Two slow jobs keep both workers busy, so what follows waits in the queue.
            ids.add(jobs.start("admin", "{\"format\": \"csv\"}").get("id").asText());
            ids.add(jobs.start("admin", "{\"format\": \"csv\"}").get("id").asText());
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from export_jobs where status = 'running'", Long.class) >= 2);
            for (int i = 0; i < 20; i++) {
                ids.add(jobs.start("manager", "{\"format\": \"csv\"}").get("id").asText());
            }

            HttpResponse<byte[]> refused = api.post("manager", "/api/leads/export", "{\"format\": \"csv\"}");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            JsonNode problem = Jobs.json(refused);
            assertThat(problem.get("detail").asText()).contains("lead-export.limits.queued-jobs");
            assertThat(jdbc.queryForObject("select count(*) from export_jobs where requested_by = 'manager' "
                    + "and status = 'queued'", Long.class)).isEqualTo(20);
            assertThat(api.post("manager2", "/api/leads/export", "{\"format\": \"csv\"}").statusCode())
                    .as("another user is not affected").isEqualTo(202);
        } finally {
            ids.forEach(id -> api.delete("admin", "/api/leads/export/jobs/" + id));
            jdbc.update("update export_jobs set status = 'cancelled', finished_at = now() where status = 'queued'");
        }
    }

    private long running(String user) {
        return jdbc.queryForObject("select count(*) from export_downloads where requested_by = ?", Long.class, user);
    }

    /** The threads running an export's pipeline right now (the pause woven into it is in their stack). */
    private static List<String> exportThreads() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : thread.getValue()) {
                // The pause woven in, or any class of the pipeline (its steps, or the ordered hand-off of formatted
                // chunks, where the route's thread waits for the format pool).
                if (frame.getClassName().startsWith("org.apache.camel.processor.Delayer")
                        || frame.getClassName().startsWith("io.leadexport.export.")) {
                    names.add(thread.getKey().getName());
                    break;
                }
            }
        }
        return names;
    }

    private HttpRequest get(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)))
                .GET().build();
    }
}
