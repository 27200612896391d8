package io.leadexport.trigger;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.leadexport.support.Api;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;
import io.leadexport.support.TestLeads.Lead;
import io.leadexport.support.TestMailServer;

import jakarta.mail.internet.MimeMessage;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An incremental schedule with a seconds-level cron, delivering to a local folder: the first run delivers every
 * matching lead, later runs only the leads updated since, and after a failed run the missed leads come next time.
 */
class ScheduleTest extends ScheduleTestContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void theSchedulesAreListedWithTheirNextTickAndLastRun() throws IOException {
        Api api = new Api(port);
        JsonNode weekly = schedule(api, "weekly");

        assertThat(weekly.get("cron").asText()).isEqualTo("0 0 7 ? * MON");
        assertThat(weekly.get("description").asText()).isEqualTo("every Monday at 07:00");
        assertThat(weekly.get("zone").asText()).isEqualTo("Europe/Paris");
        assertThat(weekly.get("destination").asText()).isEqualTo("weekly-drop");
        assertThat(weekly.get("incremental").asBoolean()).isFalse();
        assertThat(weekly.get("request").get("fields")).extracting(JsonNode::asText).containsExactly("fullName", "status");
        assertThat(weekly.get("request").get("filter").get("status")).extracting(JsonNode::asText).containsExactly("lost");
        ZonedDateTime next = Instant.parse(weekly.get("nextFireAt").asText()).atZone(ZoneId.of("Europe/Paris"));
        assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(7, 0));
        assertThat(next.toInstant()).isAfter(Instant.now());
        assertThat(schedule(api, "nightly").get("incremental").asBoolean()).isTrue();

        assertThat(api.get("manager", "/api/leads/export/schedules").statusCode()).isEqualTo(403);
    }

    @Test
    void runNowMakesOneJobLikeATickAndPauseHoldsTheScheduleUntilResumed() throws IOException {
        Api api = new Api(port);
        new TestLeads(jdbc).insert(TestLeads.plain("Weekly lost lead", Instant.parse("2024-02-01T00:00:00Z"))
                .withStatus("lost"));

        HttpResponse<byte[]> started = api.post("admin", "/api/leads/export/schedules/weekly/run", "");
        assertThat(started.statusCode()).as(Api.text(started)).isEqualTo(202);
        JsonNode job = Jobs.json(started);
        assertThat(job.get("trigger").asText()).isEqualTo("schedule");
        assertThat(job.get("requestedBy").asText()).isEqualTo("weekly");
        assertThat(started.headers().firstValue("Location")).hasValue("/api/leads/export/jobs/" + job.get("id").asText());
        JsonNode done = new Jobs(api).awaitFinished("admin", job.get("id").asText(), Duration.ofSeconds(60));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
        Path delivered = Path.of(done.get("delivery").asText());
        assertThat(delivered.getParent()).isEqualTo(drop.resolve("weekly"));
        try (Reader reader = Files.newBufferedReader(delivered, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
            assertThat(rows).extracting(r -> r.get("Full Name")).contains("Weekly lost lead");
            assertThat(rows).extracting(r -> r.get("Status")).containsOnly("lost");
        }
        JsonNode manifest = JSON.readTree(Path.of(delivered + ".manifest.json").toFile());
        assertThat(manifest.get("file").asText()).isEqualTo(delivered.getFileName().toString());
        JsonNode lastRun = schedule(api, "weekly").get("lastRun");
        assertThat(lastRun.get("jobId").asText()).isEqualTo(job.get("id").asText());
        assertThat(lastRun.get("status").asText()).isEqualTo("succeeded");
        assertThat(lastRun.get("rows").asLong()).isEqualTo(done.get("progress").get("processed").asLong());

        HttpResponse<byte[]> paused = api.post("admin", "/api/leads/export/schedules/weekly/pause", "");
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(Jobs.json(paused).get("paused").asBoolean()).isTrue();
        assertThat(schedule(api, "weekly").get("paused").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select paused_by from schedule_pauses where schedule = 'weekly'", String.class))
                .isEqualTo("admin");
        HttpResponse<byte[]> resumed = api.post("admin", "/api/leads/export/schedules/weekly/resume", "");
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(schedule(api, "weekly").get("paused").asBoolean()).isFalse();
        // Each operation is in the audit log, by whom (the log is written off the request thread).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select action from audit_log where target = 'weekly' and actor = 'admin' order by id", String.class))
                .containsSubsequence("schedule-run", "schedule-pause", "schedule-resume"));

        assertThat(api.post("admin", "/api/leads/export/schedules/monthly/run", "").statusCode()).isEqualTo(404);
        assertThat(api.post("admin", "/api/leads/export/schedules/monthly/pause", "").statusCode()).isEqualTo(404);
        assertThat(api.post("manager", "/api/leads/export/schedules/weekly/run", "").statusCode()).isEqualTo(403);
    }

    @Test
    void aRunNowWhileARunIsQueuedAnswers409() {
        Api api = new Api(port);
        // A run in progress, as a worker holds it (its heartbeat ahead, so no recovery takes it back meanwhile).
        jdbc.update("insert into export_jobs (id, status, trigger, requested_by, requested_roles, request, destination, "
                + "attempt, worker, heartbeat_at, started_at) values (gen_random_uuid(), 'running', 'schedule', "
                + "'weekly-busy-check', '', '{}'::jsonb, 'download', 1, 'elsewhere', now() + interval '1 hour', now())");
        try {
            // The schedule's name is what a queued run is found by: this one is not configured, so 404 comes first.
            assertThat(api.post("admin", "/api/leads/export/schedules/weekly-busy-check/run", "").statusCode())
                    .isEqualTo(404);
            jdbc.update("update export_jobs set requested_by = 'weekly' where requested_by = 'weekly-busy-check'");
            HttpResponse<byte[]> busy = api.post("admin", "/api/leads/export/schedules/weekly/run", "");
            assertThat(busy.statusCode()).isEqualTo(409);
            assertThat(Api.text(busy)).contains("queued or running");
        } finally {
            jdbc.update("delete from export_jobs where requested_by in ('weekly', 'weekly-busy-check') "
                    + "and worker = 'elsewhere'");
        }
    }

    /** Pauses the nightly schedule, waits until no run of it is queued or running, does the change, resumes. */
    private void whilePaused(Runnable change) {
        Api api = new Api(port);
        assertThat(api.post("admin", "/api/leads/export/schedules/nightly/pause", "").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from export_jobs "
                + "where requested_by = 'nightly' and status in ('queued', 'running')", Long.class) == 0);
        change.run();
        assertThat(api.post("admin", "/api/leads/export/schedules/nightly/resume", "").statusCode()).isEqualTo(200);
    }

    private static JsonNode schedule(Api api, String name) {
        HttpResponse<byte[]> response = api.get("admin", "/api/leads/export/schedules");
        assertThat(response.statusCode()).as(Api.text(response)).isEqualTo(200);
        for (JsonNode item : Jobs.json(response).get("items")) {
            if (item.get("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no schedule " + name + " in " + Api.text(response));
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void deliversEverythingThenOnlyWhatChangedAndCatchesUpAfterAFailure() throws Exception {
        Path folder = drop.resolve("crm");
        TestLeads leads = new TestLeads(jdbc);
        List<Lead> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Updated now, as if just captured: a tick may already have run (and set the watermark) before this.
            all.add(TestLeads.plain("Lead " + i, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i))
                    .withUpdatedAt(Instant.now()));
        }
        all.add(TestLeads.plain("Lost lead", Instant.parse("2024-01-02T00:00:00Z")).withStatus("lost")
                .withUpdatedAt(Instant.now()));
        leads.insert(all);

        // First run: every matching lead (not the lost one).
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredNames(folder).size() >= 5);
        assertThat(deliveredNames(folder)).containsExactlyInAnyOrder("Lead 0", "Lead 1", "Lead 2", "Lead 3", "Lead 4");
        assertThat(jdbc.queryForObject("select count(*) from export_jobs where trigger = 'schedule' "
                + "and requested_by = 'nightly' and status = 'succeeded' and processed = 5", Long.class)).isEqualTo(1);

        // Then only what was updated since. (Updated while the schedule is paused and no run is under way: a run that
        // started before an update and read after it delivers those leads, and again next time, since the watermark
        // is where a run started, to miss nothing.)
        whilePaused(() -> jdbc.update("update leads set updated_at = now(), status = 'contacted' "
                + "where full_name in ('Lead 1', 'Lead 3')"));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredNames(folder).size() >= 7);
        assertThat(deliveredNames(folder)).containsExactlyInAnyOrder(
                "Lead 0", "Lead 1", "Lead 2", "Lead 3", "Lead 4", "Lead 1", "Lead 3");

        // A failed run (the folder cannot be written) does not move the watermark...
        Files.move(folder, drop.resolve("crm-away"));
        Files.writeString(folder, "not a folder");
        whilePaused(() -> jdbc.update("update leads set updated_at = now() where full_name in ('Lead 0', 'Lead 4')"));
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
