package io.leadexport.job;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.LeadExportApplication;
import io.leadexport.database.DatabaseEndpoint;
import io.leadexport.database.DemoLeadSeeder;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.apache.camel.CamelContext;
import io.leadexport.security.ExportUser;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance that shuts down while it runs a job puts the job back in the queue (no failure, no history yet), and
 * another instance runs it to the end.
 */
@EndToEndTest
class ShutdownTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseEndpoint database;
    @Autowired
    CamelContext camel;

    @Test
    void aJobRunningOnAStoppingInstanceIsQueuedAgainAndFinishedElsewhere() throws Exception {
        new TestLeads(jdbc).deleteAll();
        DemoLeadSeeder.seed(dataSource, 60_000, Instant.now(), 5L);
        // This instance takes no jobs for now, so the second one gets it.
        camel.getRouteController().stopRoute("claim-export-jobs");
        String id;
        try {
            id = runOnASecondInstanceAndStopIt();
        } finally {
            camel.getRouteController().startRoute("claim-export-jobs");
        }

        JsonNode job = new Jobs(new Api(port)).awaitFinished("admin", id, Duration.ofSeconds(60));

        assertThat(job.get("status").asText()).isEqualTo("succeeded");
        assertThat(job.get("attempt").asInt()).isEqualTo(2);
        assertThat(job.get("progress").get("processed").asLong()).isEqualTo(60_000);
    }

    /** Starts a second instance, lets it take the job, stops it mid-export; the job is queued again. */
    private String runOnASecondInstanceAndStopIt() {
        String id;
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(LeadExportApplication.class)
                .profiles("test")
                .properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(), "server.port=0",
                        "camel.main.jmx-enabled=false", "lead-export.jobs.poll-interval-ms=100")
                .run()) {
            id = jdbc.queryForObject("select gen_random_uuid()::text", String.class);
            second.getBean(JobStore.class).insert(id, "http",
                    new io.leadexport.security.ExportUser("admin", java.util.Set.of("ADMIN")),
                    "{\"format\": \"xlsx\"}", "download", null);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select processed from export_jobs where id = ?::uuid", Long.class, id) > 0);
        }

        assertThat(jdbc.queryForMap("select status, attempt, worker from export_jobs where id = ?::uuid", id))
                .containsEntry("status", "queued").containsEntry("attempt", 1).containsEntry("worker", null);
        assertThat(jdbc.queryForObject("select count(*) from export_history where job_id = ?::uuid", Long.class, id))
                .as("queued again, not finished").isZero();
        return id;
    }
}
