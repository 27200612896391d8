package io.leadexport.trigger;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.leadexport.support.EndToEndTest;
import io.leadexport.support.TestLeads;
import io.leadexport.support.TestLeads.Lead;
import io.leadexport.support.TestMailServer;

import jakarta.mail.internet.MimeMessage;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An incremental schedule with a seconds-level cron, delivering to a local folder: the first run delivers every
 * matching lead, later runs only the leads updated since, and after a failed run the missed leads come next time.
 */
@EndToEndTest
class ScheduleTest {

    @TempDir
    static Path drop;

    @DynamicPropertySource
    static void schedule(DynamicPropertyRegistry registry) {
        registry.add("lead-export.destinations.drop.type", () -> "local");
        registry.add("lead-export.destinations.drop.directory", () -> drop.resolve("crm").toString());
        registry.add("lead-export.schedules.nightly.cron", () -> "0/2 * * * * ?");
        registry.add("lead-export.schedules.nightly.request",
                () -> "{\"fields\": [\"leadId\", \"fullName\", \"status\"], \"filter\": {\"status\": [\"new\", \"contacted\"]}}");
        registry.add("lead-export.schedules.nightly.destination", () -> "drop");
        registry.add("lead-export.schedules.nightly.incremental", () -> "true");
        registry.add("lead-export.schedules.nightly.notify-on-failure[0]", () -> "ops@example.com");
        registry.add("lead-export.schedules.nightly.notify-on-failure[1]", () -> "crm-team@example.com");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void deliversEverythingThenOnlyWhatChangedAndCatchesUpAfterAFailure() throws Exception {
        Path folder = drop.resolve("crm");
        TestLeads leads = new TestLeads(jdbc);
        List<Lead> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(TestLeads.plain("Lead " + i, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i)));
        }
        all.add(TestLeads.plain("Lost lead", Instant.parse("2024-01-02T00:00:00Z")).withStatus("lost"));
        leads.insert(all);

        // First run: every matching lead (not the lost one).
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredNames(folder).size() >= 5);
        assertThat(deliveredNames(folder)).containsExactlyInAnyOrder("Lead 0", "Lead 1", "Lead 2", "Lead 3", "Lead 4");
        assertThat(jdbc.queryForObject("select count(*) from export_jobs where trigger = 'schedule' "
                + "and requested_by = 'nightly' and status = 'succeeded' and processed = 5", Long.class)).isEqualTo(1);

        // Then only what was updated since.
        jdbc.update("update leads set updated_at = now(), status = 'contacted' where full_name in ('Lead 1', 'Lead 3')");
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredNames(folder).size() >= 7);
        assertThat(deliveredNames(folder)).containsExactlyInAnyOrder(
                "Lead 0", "Lead 1", "Lead 2", "Lead 3", "Lead 4", "Lead 1", "Lead 3");

        // A failed run (the folder cannot be written) does not move the watermark...
        Files.move(folder, drop.resolve("crm-away"));
        Files.writeString(folder, "not a folder");
        jdbc.update("update leads set updated_at = now() where full_name in ('Lead 0', 'Lead 4')");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from export_jobs "
                + "where trigger = 'schedule' and status = 'failed'", Long.class) >= 1);
        Files.delete(folder);
        Files.move(drop.resolve("crm-away"), folder);
        // ...and its notify-on-failure addresses hear of it, with the error; of the runs that succeeded, nothing.
        String failed = jdbc.queryForObject("select id::text from export_jobs where trigger = 'schedule' "
                + "and status = 'failed' order by finished_at limit 1", String.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo("ops@example.com").stream()
                .anyMatch(m -> body(m).contains(failed)));
        MimeMessage alert = mailsTo("ops@example.com").stream().filter(m -> body(m).contains(failed)).findFirst()
                .orElseThrow();
        assertThat(alert.getSubject()).isEqualTo("Scheduled export 'nightly' failed");
        assertThat(body(alert)).containsPattern("Outcome:\\s+failed").containsPattern("Error:\\s+\\S")
                .containsPattern("Destination:\\s+drop");
        assertThat(alert.getAllRecipients()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ops@example.com", "crm-team@example.com");
        assertThat(mailsTo("ops@example.com")).allSatisfy(m -> assertThat(m.getSubject()).endsWith("failed"));

        // ...so the next run delivers the missed leads.
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredNames(folder).size() >= 9);
        assertThat(deliveredNames(folder)).containsExactlyInAnyOrder(
                "Lead 0", "Lead 1", "Lead 2", "Lead 3", "Lead 4", "Lead 1", "Lead 3", "Lead 0", "Lead 4");
        assertThat(jdbc.queryForObject("select count(*) from export_history where trigger = 'schedule' "
                + "and status = 'failed' and destination = 'drop'", Long.class)).isPositive();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".part"))
                    .anyMatch(name -> name.endsWith(".csv.manifest.json"));
        }
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : TestMailServer.server().getReceivedMessages()) {
            if (List.of(message.getAllRecipients()).stream().anyMatch(a -> a.toString().equals(address))) {
                to.add(message);
            }
        }
        return to;
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString().replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names in every CSV delivered so far, one entry per delivered row. */
    private static List<String> deliveredNames(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path csv : files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                            .parse(reader)) {
                        names.add(row.get("Full Name"));
                    }
                }
            }
        }
        return names;
    }
}
