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
    void aThirdRunningDownloadIsRefusedWhileDownloadsRunInTheirOwnLaneAndPool() {
        // A class that ran before in this context may have cancelled jobs still letting go of their connections.
        await().atMost(Duration.ofSeconds(10)).until(() -> activeConnections(exportDataSource) == 0);
        List<CompletableFuture<HttpResponse<Void>>> downloads = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                downloads.add(http.sendAsync(get("manager2", "/api/leads/export?format=csv"),
                        HttpResponse.BodyHandlers.discarding()));
            }
            // Each download takes a slot (its id is the run's id) and writes its first chunks, slowed by the weave.
            List<String> slots = await().atMost(Duration.ofSeconds(30)).until(() -> slots("manager2"),
                    ids -> ids.size() == 2 && ids.stream().allMatch(id -> SlowExports.writerThread(id).isPresent()));

            assertThat(slots).map(id -> SlowExports.writerThread(id).orElseThrow())
                    .as("each download runs its export on a thread of the download lane, never an API thread")
                    .allMatch(name -> name.startsWith("download-"))
                    .doesNotHaveDuplicates();
            HttpResponse<byte[]> third = api.get("manager2", "/api/leads/export?format=csv");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(
                    v -> assertThat(Long.parseLong(v)).isPositive());
            assertThat(api.get("manager", "/api/leads/export/fields").statusCode())
                    .as("another request answers while the downloads run").isEqualTo(200);
            assertThat(downloads).as("the downloads are still running").noneMatch(CompletableFuture::isDone);
            assertThat(activeConnections(downloadDataSource)).as("the downloads read on their own pool").isPositive();
            assertThat(activeConnections(exportDataSource)).as("downloads leave the background jobs' pool alone")
                    .isZero();
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

    /** The ids of the user's download slots, which are the ids of the downloads' runs. */
    private List<String> slots(String user) {
        return jdbc.queryForList("select id::text from export_downloads where requested_by = ?", String.class, user);
    }

    private static int activeConnections(DataSource pool) {
        return ((HikariDataSource) pool).getHikariPoolMXBean().getActiveConnections();
    }

    private HttpRequest get(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)))
                .GET().build();
    }
}
