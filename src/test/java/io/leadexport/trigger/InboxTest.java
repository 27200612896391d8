package io.leadexport.trigger;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.support.Api;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox end to end: request files dropped into the folder as an automation would, what each becomes (a job whose
 * file arrives in the outbox, or a refusal in {@code .error/} beside a report), and what the admin sees of them.
 */
class InboxTest extends ScheduleTestContext {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TAKEN = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGoodFileBecomesOneJobWhoseFileArrivesInTheOutbox() throws IOException {
        String name = "good-" + UUID.randomUUID() + ".json";
        String lead = "Inbox lead " + UUID.randomUUID();
        new TestLeads(jdbc).insert(TestLeads.plain(lead, Instant.parse("2024-06-01T00:00:00Z")));

        Files.writeString(inbox().resolve(name), "{\"format\": \"csv\", \"fields\": [\"fullName\", \"status\"], "
                + "\"filter\": {\"search\": \"" + lead + "\"}}");

        await().atMost(TAKEN).until(() -> Files.exists(inbox().resolve(".done").resolve(name)));
        assertThat(inbox().resolve(name)).doesNotExist();
        Map<String, Object> entry = await().atMost(TAKEN).until(() -> entry(name), e -> e != null);
        assertThat(entry.get("outcome")).isEqualTo("job");
        String jobId = entry.get("job_id").toString();
        JsonNode job = new Jobs(new Api(port)).awaitFinished("admin", jobId, TAKEN);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("trigger").asText()).isEqualTo("file");
        Path delivered = Path.of(job.get("delivery").asText());
        assertThat(delivered.getParent()).isEqualTo(drop.resolve("outbox"));
        try (Reader reader = Files.newBufferedReader(delivered, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
            assertThat(rows).extracting(r -> r.get("Full Name")).containsExactly(lead);
        }
        assertThat(jdbc.queryForObject("select count(*) from export_jobs where source like ?", Long.class,
                "file:" + name + ":%")).as("exactly one job").isEqualTo(1);

        JsonNode listed = Jobs.json(new Api(port).get("admin", "/api/leads/export/inbox?size=500"));
        assertThat(listed.get("items")).anySatisfy(item -> {
            assertThat(item.get("name").asText()).isEqualTo(name);
            assertThat(item.get("outcome").asText()).isEqualTo("job");
            assertThat(item.get("jobId").asText()).isEqualTo(jobId);
        });
        assertThat(new Api(port).get("manager", "/api/leads/export/inbox").statusCode()).isEqualTo(403);
    }

    @Test
    void aBadFileMovesToErrorBesideAReportNamingTheFieldAndTheAllowedValues() throws IOException {
        String name = "bad-" + UUID.randomUUID() + ".json";

        Files.writeString(inbox().resolve(name), "{\"format\": \"pdf\", \"filter\": {\"status\": [\"old\"]}}");

        JsonNode report = refused(name);
        assertThat(report.get("error").asText()).isEqualTo("Invalid export request");
        assertThat(report.get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo("format");
            assertThat(error.get("allowed")).extracting(JsonNode::asText).contains("csv", "xlsx", "json", "text");
        });
        assertThat(report.get("errors")).anySatisfy(error ->
                assertThat(error.get("field").asText()).isEqualTo("filter.status[0]"));
        assertThat(entry(name)).containsEntry("outcome", "refused");
        assertThat(entry(name).get("error").toString()).contains("'pdf' is not a format");
    }

    @Test
    void anOversizedFileIsRefusedUnread() throws IOException {
        String name = "big-" + UUID.randomUUID() + ".json";

        Files.writeString(inbox().resolve(name), "{\"filter\": {\"search\": \"" + "x".repeat(70_000) + "\"}}");

        JsonNode report = refused(name);
        assertThat(report.get("detail").asText()).contains("bytes; a request may be at most 65536");
    }

    @Test
    void aSymbolicLinkIsRefusedAndItsTargetLeftAlone() throws IOException {
        String name = "link-" + UUID.randomUUID() + ".json";
        Path target = Files.writeString(drop.resolve("outside-" + UUID.randomUUID() + ".json"), "{\"format\": \"csv\"}");

        Files.createSymbolicLink(inbox().resolve(name), target);

        JsonNode report = refused(name);
        assertThat(report.get("detail").asText()).contains("symbolic links are not followed");
        assertThat(target).exists().hasContent("{\"format\": \"csv\"}");
        assertThat(jdbc.queryForObject("select count(*) from export_jobs where source like ?", Long.class,
                "file:" + name + ":%")).isZero();
    }

    @Test
    void aFileWrittenSlowlyIsTakenOnlyOnceComplete() throws IOException {
        String name = "slow-" + UUID.randomUUID() + ".json";
        Path file = inbox().resolve(name);

        Files.writeString(file, "{\"format\": \"json\", \"filter\": {\"status\": [\"new\"");
        // The writer pauses longer than the consumer's checks: the half-written document stays where it is.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
        Files.writeString(file, "]}}", java.nio.file.StandardOpenOption.APPEND);

        await().atMost(TAKEN).until(() -> Files.exists(inbox().resolve(".done").resolve(name)));
        assertThat(inbox().resolve(".error").resolve(name + ".error.json")).doesNotExist();
        Map<String, Object> entry = await().atMost(TAKEN).until(() -> entry(name), e -> e != null);
        assertThat(entry.get("outcome")).isEqualTo("job");
    }

    /**
     * An instance killed after it made the job but before it moved the file leaves both behind: the next instance to
     * read the file must not make a second job. That state is made here as the kill leaves it (the job of the file's
     * source in the table, the file still in the inbox), then the running instance reads the file.
     */
    @Test
    void aFileWhoseJobWasMadeBeforeTheInstanceDiedBecomesNoSecondJob() throws IOException {
        String name = "killed-" + UUID.randomUUID() + ".json";
        Path staged = Files.createDirectories(drop.resolve("staging")).resolve(name);
        Files.writeString(staged, "{\"format\": \"csv\", \"filter\": {\"search\": \"nobody at all\"}}");
        Files.setLastModifiedTime(staged, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(60)));
        String source = "file:" + name + ":" + Files.getLastModifiedTime(staged).toMillis() + ":" + Files.size(staged);
        UUID jobId = UUID.randomUUID();
        jdbc.update("insert into export_jobs (id, status, trigger, requested_by, requested_roles, request, destination, "
                + "source, finished_at) values (?, 'succeeded', 'file', 'inbox', '', '{}'::jsonb, 'outbox', ?, now())",
                jobId, source);

        Files.move(staged, inbox().resolve(name));

        await().atMost(TAKEN).until(() -> Files.exists(inbox().resolve(".done").resolve(name)));
        Map<String, Object> entry = await().atMost(TAKEN).until(() -> entry(name), e -> e != null);
        assertThat(entry.get("outcome")).isEqualTo("job");
        assertThat(entry.get("job_id")).isEqualTo(jobId);
        assertThat(jdbc.queryForObject("select count(*) from export_jobs where source like ?", Long.class,
                "file:" + name + ":%")).as("exactly one job").isEqualTo(1);
    }

    private JsonNode refused(String name) throws IOException {
        Path report = inbox().resolve(".error").resolve(name + ".error.json");
        await().atMost(TAKEN).until(() -> Files.exists(report) && Files.exists(inbox().resolve(".error").resolve(name)));
        assertThat(inbox().resolve(name)).doesNotExist();
        return JSON.readTree(report.toFile());
    }

    private Map<String, Object> entry(String name) {
        return jdbc.queryForList("select outcome, job_id, error from inbox_files where name = ?", name).stream()
                .findFirst().orElse(null);
    }

    private static Path inbox() throws IOException {
        return Files.createDirectories(drop.resolve("inbox"));
    }
}
