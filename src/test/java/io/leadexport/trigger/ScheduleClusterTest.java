package io.leadexport.trigger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.leadexport.LeadExportApplication;
import io.leadexport.database.DatabaseEndpoint;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.TestLeads;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The schedules' triggers in Quartz's clustered JDBC job store, across restarts of the instances that share it. The
 * instances started here are a cluster of their own (their own Quartz scheduler name) on the test database, so the
 * shared test application does not take their ticks.
 */
@EndToEndTest
class ScheduleClusterTest {

    private static final String CLUSTER = "lead-export-cluster-test";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DatabaseEndpoint database;

    @Test
    void aTickMissedWhileEveryInstanceWasDownRunsOnceAndTheStoreFollowsTheConfiguration() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "test-cluster", UUID.randomUUID().toString()))
                .toAbsolutePath();
        new TestLeads(jdbc).insert(TestLeads.plain("Cluster lead", Instant.parse("2024-05-01T00:00:00Z")));
        // Schedules that do not fire by themselves during the test (1 January, 03:00).
        List<String> first = schedules(folder, "missed", "0 0 3 1 1 ?", "gone", "0 0 3 1 1 ?", "changed",
                "0 0 3 1 1 ?");
        try (ConfigurableApplicationContext instance = start(first)) {
            assertThat(instance.getBean(CamelContext.class).getComponent("quartz", QuartzComponent.class).getScheduler())
                    .as("camel-quartz uses Spring Boot's scheduler, with its JDBC job store")
                    .isSameAs(instance.getBean(Scheduler.class));
            assertThat(trigger("missed")).as("stored in the job store: %s",
                    jdbc.queryForList("select sched_name, trigger_name from qrtz_triggers")).isNotNull();
        }
        assertThat(trigger("missed")).as("the trigger outlives the instance").isNotNull();
        assertThat(jobs("missed")).isZero();

        // Every instance was down at the time of the next tick.
        long missedAt = Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli();
        jdbc.update("update qrtz_triggers set next_fire_time = ? where sched_name = ? and trigger_name = 'missed'",
                missedAt, CLUSTER);

        List<String> second = schedules(folder, "missed", "0 0 3 1 1 ?", "changed", "0 30 4 1 1 ?");
        try (ConfigurableApplicationContext instance = start(second)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jobs("missed")).as("%s %s",
                    jdbc.queryForList("select trigger_name, trigger_state, next_fire_time, misfire_instr, "
                            + "prev_fire_time from qrtz_triggers where sched_name = ?", CLUSTER),
                    jdbc.queryForList("select * from qrtz_scheduler_state")).isPositive());
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> jobs("missed") == 1);
            Long next = trigger("missed");
            assertThat(Instant.ofEpochMilli(next)).as("then the cron goes on").isAfter(Instant.now());
            assertThat(trigger("gone")).as("a schedule removed from the configuration stops everywhere").isNull();
            assertThat(cron("changed")).as("a changed cron replaces the stored one").isEqualTo("0 30 4 1 1 ?");
        }
    }

    private static List<String> schedules(Path folder, String... nameAndCron) {
        List<String> properties = new ArrayList<>(List.of(
                "lead-export.destinations.cluster-drop.type=local",
                "lead-export.destinations.cluster-drop.directory=" + folder));
        for (int i = 0; i < nameAndCron.length; i += 2) {
            String prefix = "lead-export.schedules." + nameAndCron[i] + ".";
            properties.add(prefix + "cron=" + nameAndCron[i + 1]);
            properties.add(prefix + "destination=cluster-drop");
            properties.add(prefix + "request.filter.search=Cluster lead");
        }
        return properties;
    }

    private ConfigurableApplicationContext start(List<String> schedules) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + database.password(), "server.port=0", "camel.main.jmx-enabled=false",
                "spring.quartz.scheduler-name=" + CLUSTER,
                "lead-export.users[0].username=admin", "lead-export.users[0].password={noop}admin-pw",
                "lead-export.users[0].roles=ADMIN", "lead-export.jobs.poll-interval-ms=100"));
        properties.addAll(schedules);
        // As command-line arguments, which (unlike the builder's default properties) win over application.properties.
        return new SpringApplicationBuilder(LeadExportApplication.class).profiles("test")
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    private long jobs(String schedule) {
        return jdbc.queryForObject("select count(*) from export_jobs where trigger = 'schedule' and requested_by = ?",
                Long.class, schedule);
    }

    /** The trigger's next fire time in the job store, or null when there is no trigger. */
    private Long trigger(String name) {
        return jdbc.query("select next_fire_time from qrtz_triggers where sched_name = ? and trigger_name = ?",
                (rs, n) -> rs.getLong(1), CLUSTER, name).stream().findFirst().orElse(null);
    }

    private String cron(String name) {
        return jdbc.queryForObject("select cron_expression from qrtz_cron_triggers where sched_name = ? "
                + "and trigger_name = ?", String.class, CLUSTER, name);
    }
}
