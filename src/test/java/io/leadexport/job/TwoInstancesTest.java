package io.leadexport.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.leadexport.LeadExportApplication;
import io.leadexport.database.DemoLeadSeeder;
import io.leadexport.database.DatabaseEndpoint;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances on one database run 20 jobs between them, each exactly once. */
@EndToEndTest
class TwoInstancesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DatabaseEndpoint database;
    @Autowired
    DataSource dataSource;

    @Test
    void twentyJobsRunExactlyOnceAcrossTwoInstances() throws Exception {
        new TestLeads(jdbc).deleteAll();
        // Jobs long enough (2,000 leads, every field) that one instance's two workers cannot take them all.
        DemoLeadSeeder.seed(dataSource, 2000, Instant.now(), 3L);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(LeadExportApplication.class)
                .profiles("test")
                .properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(), "server.port=0",
                        "camel.main.jmx-enabled=false",
                        "lead-export.users[0].username=admin", "lead-export.users[0].password={noop}admin-pw",
                        "lead-export.users[0].roles=ADMIN", "lead-export.jobs.poll-interval-ms=100")
                .run()) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            List<Jobs> instances = List.of(new Jobs(new Api(port)), new Jobs(new Api(secondPort)));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(instances.get(i % 2).start("admin", "{\"format\": \"xlsx\"}").get("id").asText());
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "select count(*) from export_jobs where id = any(?::uuid[]) and status = 'succeeded'", Long.class,
                    (Object) ids.toArray(String[]::new))).isEqualTo(20));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "select count(*) from export_history where job_id = any(?::uuid[])", Long.class,
                    (Object) ids.toArray(String[]::new))).isEqualTo(20));

            assertThat(jdbc.queryForObject("select count(distinct job_id) from export_history where job_id = any(?::uuid[])",
                    Long.class, (Object) ids.toArray(String[]::new))).as("one history row per job").isEqualTo(20);
            assertThat(jdbc.queryForList("select attempt from export_jobs where id = any(?::uuid[])", Integer.class,
                    (Object) ids.toArray(String[]::new))).as("no job was started twice").containsOnly(1);
            Set<String> workers = new HashSet<>(jdbc.queryForList(
                    "select worker from export_jobs where id = any(?::uuid[])", String.class,
                    (Object) ids.toArray(String[]::new)));
            assertThat(workers).as("both instances took jobs").hasSize(2);
        }
    }
}
