package io.leadexport.it;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.database.DemoLeadSeeder;
import io.leadexport.support.Api;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.apache.commons.csv.CSVFormat;
import org.flywaydb.core.Flyway;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the packaged jar on one PostgreSQL, as a deployment runs them, driven over HTTP and through the
 * inbox folder like a user. One story, in order, so each jar starts as few times as possible: both instances share
 * the queue (each job runs once) and the schedule's ticks (each tick is one job, delivered once); one shuts down
 * gracefully in the middle of a job, which the other finishes; the last one is killed (SIGKILL) in the middle of an
 * inbox file's export, and while every instance is down a schedule's tick passes; it then restarts with a changed
 * configuration: the inbox file is exactly one job, delivered complete (also when the file is read again, as a kill
 * before its move to {@code .done/} leaves it), the missed tick runs once, and the schedule store follows the new
 * configuration. Each step needs the state the steps before it left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** Leads created in 2018-2019: the short exports. (The schedules' one lead is older.) */
    private static final int SHORT_LEADS = 2_000;
    /** Leads of the last two years: the long exports, long enough to stop or kill an instance in the middle. */
    private static final int LONG_LEADS = 60_000;
    private static final String SHORT = "\"filter\": {\"createdFrom\": \"2017-01-01\", \"createdTo\": \"2020-01-01\"}";
    private static final String LONG = "\"filter\": {\"createdFrom\": \"2020-01-02\"}";
    /** Schedules that do not fire by themselves during the test (1 January, 03:00). */
    private static final String NEVER = "0 0 3 1 1 ?";

    private final Path root = Path.of("target", "it", "cluster-" + UUID.randomUUID()).toAbsolutePath();
    private final Path ticks = root.resolve("ticks");
    private final Path crm = root.resolve("crm");
    private final Path inbox = root.resolve("inbox");
    private final Path outbox = root.resolve("outbox");

    private EmbeddedPostgres postgres;
    private JdbcTemplate jdbc;
    private JarInstance first;
    private JarInstance second;

    /** On a failure, the end of each instance's logs. */
    @RegisterExtension
    final TestExecutionExceptionHandler logsOnFailure = (context, failure) -> {
        failure.addSuppressed(new AssertionError("Instance logs:\n" + logTails()));
        throw failure;
    };

    @BeforeAll
    void startPostgresAndTwoInstances() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        String url = postgres.getJdbcUrl("postgres", "postgres");
        first = new JarInstance("instance-1", root.resolve("instance-1"), common(url,
                "--lead-export.inbox.enabled=true", "--lead-export.inbox.directory=" + inbox,
                "--lead-export.inbox.output-directory=" + outbox));
        second = new JarInstance("instance-2", root.resolve("instance-2"), common(url,
                "--lead-export.inbox.enabled=false"));
        // The leads are there before the instances start (so is the schema, which they find up to date).
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        DemoLeadSeeder.seed(postgres.getPostgresDatabase(), SHORT_LEADS, Instant.parse("2020-01-01T00:00:00Z"), 3L);
        DemoLeadSeeder.seed(postgres.getPostgresDatabase(), LONG_LEADS, Instant.now(), 5L);
        new TestLeads(jdbc).insert(TestLeads.plain("Tick lead", Instant.parse("2010-06-01T00:00:00Z")));

        List<String> schedules = schedules("every-two-seconds", "0/2 * * * * ?", "ticks", "missed", NEVER, "crm",
                "gone", NEVER, "crm", "changed", NEVER, "crm");
        // One after the other, as a rolling deployment starts them.
        first.start(schedules.toArray(String[]::new));
        second.start(schedules.toArray(String[]::new));
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (first != null) {
                first.kill();
            }
            if (second != null) {
                second.kill();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    @Order(1)
    void twentyJobsRunExactlyOnceAcrossTwoInstances() {
        List<Jobs> instances = List.of(new Jobs(first.api()), new Jobs(second.api()));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(instances.get(i % 2).start("admin", "{\"format\": \"xlsx\", " + SHORT + "}").get("id").asText());
        }
        Object idArray = ids.toArray(String[]::new);

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from export_jobs where id = any(?::uuid[]) and status = 'succeeded'", Long.class,
                idArray)).as(jdbc.queryForList("select status, error from export_jobs where id = any(?::uuid[])",
                idArray).toString()).isEqualTo(20));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from export_history where job_id = any(?::uuid[])", Long.class, idArray))
                .as("one history row per job").isEqualTo(20));

        assertThat(jdbc.queryForObject("select count(distinct job_id) from export_history where job_id = any(?::uuid[])",
                Long.class, idArray)).isEqualTo(20);
        assertThat(jdbc.queryForList("select attempt from export_jobs where id = any(?::uuid[])", Integer.class,
                idArray)).as("no job was started twice").containsOnly(1);
        assertThat(jdbc.queryForList("select processed from export_jobs where id = any(?::uuid[])", Long.class,
                idArray)).containsOnly((long) SHORT_LEADS);
        assertThat(new HashSet<>(jdbc.queryForList("select worker from export_jobs where id = any(?::uuid[])",
                String.class, idArray))).as("both instances took jobs").hasSize(2);
        for (String id : ids) {
            assertThat(startedIn(first, id) + startedIn(second, id)).as("job %s started once, on one instance", id)
                    .isEqualTo(1);
        }
    }

    @Test
    @Order(2)
    void eachTickOfAScheduleOnBothInstancesIsOneJobDeliveredOnce() throws IOException {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from export_jobs where requested_by = 'every-two-seconds' and status = 'succeeded'",
                Long.class)).isGreaterThanOrEqualTo(3));
        HttpResponse<byte[]> paused = first.api().post("admin", "/api/leads/export/schedules/every-two-seconds/pause",
                "");
        assertThat(paused.statusCode()).as(Api.text(paused)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from export_jobs "
                + "where requested_by = 'every-two-seconds' and status in ('queued', 'running')", Long.class) == 0);

        List<Map<String, Object>> jobs = jdbc.queryForList("select id::text as id, source, status, attempt from "
                + "export_jobs where trigger = 'schedule' and requested_by = 'every-two-seconds'");
        assertThat(jobs).extracting(job -> job.get("status")).containsOnly("succeeded");
        assertThat(jobs).extracting(job -> job.get("attempt")).containsOnly(1);
        Set<String> jobFireTimes = jobs.stream().map(job -> ((String) job.get("source"))
                .substring("schedule:every-two-seconds:".length())).collect(Collectors.toSet());
        assertThat(jobFireTimes).as("one job per fire time").hasSize(jobs.size());

        // Each fire time fired on one instance only (both schedulers hold the trigger).
        List<String> fired = new ArrayList<>(firedTimes(first));
        fired.addAll(firedTimes(second));
        assertThat(fired).as("fire times logged by both instances").doesNotHaveDuplicates();
        assertThat(new HashSet<>(fired)).containsAll(jobFireTimes);

        // Each job delivered its file once, complete: the one lead, read back.
        List<Path> delivered;
        try (Stream<Path> files = Files.list(ticks)) {
            delivered = files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(delivered).as("one file per job").hasSize(jobs.size());
        for (Path file : delivered) {
            List<CSVRecord> rows = csv(file);
            assertThat(rows).as(file.toString()).hasSize(1);
            assertThat(rows.get(0).toMap()).containsValue("Tick lead");
        }
    }

    @Test
    @Order(3)
    void aJobOfAnInstanceThatShutsDownIsQueuedAgainAndFinishedByTheOther() throws Exception {
        Jobs jobs = new Jobs(first.api());
        List<String> ids = new ArrayList<>();
        // Three long jobs for four workers: the second instance takes at least one.
        for (int i = 0; i < 3; i++) {
            ids.add(jobs.start("admin", "{\"format\": \"xlsx\", " + LONG + "}").get("id").asText());
        }
        String[] underWay = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (String each : ids) {
                if (startedIn(second, each) == 1 && jdbc.queryForObject(
                        "select processed from export_jobs where id = ?::uuid", Long.class, each) > 0) {
                    underWay[0] = each;
                    return true;
                }
            }
            return false;
        });
        String id = underWay[0];

        second.stop();

        // Every job it was running went back to the queue as it stopped, not left running (nor failed) until a lease
        // ran out: at once queued again, or already taken by the other instance.
        List<String> handedOver = ids.stream().filter(each -> second.log()
                .contains("Job " + each + " was stopped by the shutdown and queued again")).toList();
        assertThat(handedOver).contains(id);
        for (String each : handedOver) {
            Map<String, Object> row = jdbc.queryForMap(
                    "select status, attempt, worker from export_jobs where id = ?::uuid", each);
            assertThat(row.get("status") + " attempt " + row.get("attempt")).as("%s: %s", each, row)
                    .isIn("queued attempt 1", "running attempt 2");
            assertThat(history(each)).as("not finished").isZero();
        }

        for (String each : ids) {
            JsonNode job = jobs.awaitFinished("admin", each, Duration.ofSeconds(180));
            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
            assertThat(job.get("progress").get("processed").asLong()).isEqualTo(LONG_LEADS);
            assertThat(job.get("attempt").asInt()).isEqualTo(handedOver.contains(each) ? 2 : 1);
            assertThat(startedIn(first, each)).as("finished by the other instance").isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select job_id::text from export_history where job_id = any(?::uuid[])", String.class,
                (Object) ids.toArray(String[]::new))).containsExactlyInAnyOrderElementsOf(ids));
    }

    /**
     * The last instance is killed while it exports an inbox file; while every instance is down, the {@code missed}
     * schedule's tick passes. It restarts with {@code gone} and {@code every-two-seconds} removed from the
     * configuration and {@code changed} on a new cron.
     */
    @Test
    @Order(4)
    void anInstanceKilledInTheMiddleOfAnInboxFileLeavesExactlyOneJobAfterItsRestart() throws Exception {
        Files.createDirectories(inbox);
        Path written = inbox.resolve("nightly-crm.json.writing");
        Files.writeString(written, "{\"format\": \"csv\", " + LONG + "}");
        Files.move(written, inbox.resolve("nightly-crm.json"));

        String[] jobId = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> ids = jdbc.queryForList("select id::text from export_jobs where trigger = 'file' "
                    + "and status = 'running' and processed > 0", String.class);
            jobId[0] = ids.isEmpty() ? null : ids.get(0);
            return jobId[0] != null;
        });
        first.kill();
        assertThat(jdbc.queryForObject("select status from export_jobs where id = ?::uuid", String.class, jobId[0]))
                .as("the killed instance left it running").isEqualTo("running");

        // Every instance is down while the next tick of 'missed' passes.
        long missedAt = Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli();
        assertThat(jdbc.update("update qrtz_triggers set next_fire_time = ? where trigger_name = 'missed'", missedAt))
                .isEqualTo(1);

        first.start(schedules("missed", NEVER, "crm", "changed", "0 30 4 1 1 ?", "crm").toArray(String[]::new));

        Jobs jobs = new Jobs(first.api());
        JsonNode job = jobs.awaitFinished("admin", jobId[0], Duration.ofSeconds(180));
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("attempt").asInt()).as("run again after the lease of the killed instance ran out")
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from export_jobs where trigger = 'file'", Long.class))
                .as("the file is one job").isEqualTo(1);

        // The inbox lists the file once, as that job; the file is in .done/.
        JsonNode listed = Jobs.json(first.api().get("admin", "/api/leads/export/inbox"));
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("items").get(0).get("name").asText()).isEqualTo("nightly-crm.json");
        assertThat(listed.get("items").get(0).get("jobId").asText()).isEqualTo(jobId[0]);
        assertThat(inbox.resolve(".done").resolve("nightly-crm.json")).exists();
        assertThat(inbox.resolve("nightly-crm.json")).doesNotExist();

        // Delivered once, complete: every lead of the request, read back.
        List<Path> delivered;
        try (Stream<Path> files = Files.list(outbox)) {
            delivered = files.filter(f -> f.getFileName().toString().endsWith(".csv")).toList();
        }
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).getFileName().toString()).isEqualTo(job.at("/file/name").asText());
        assertThat(csvRecordCount(delivered.get(0))).isEqualTo(LONG_LEADS);
        await().atMost(Duration.ofSeconds(20)).until(() -> history(jobId[0]) == 1);
    }

    /**
     * An instance killed after the file became a job but before it moved the file to {@code .done/} leaves it in the
     * inbox as it was (same name, time and size); the instance that takes it then finds its job rather than starting a
     * second one, and the inbox still lists the file once.
     */
    @Test
    @Order(5)
    void anInboxFileReadAgainAfterAKillBeforeItsMoveIsStillOneJob() throws Exception {
        String jobId = jdbc.queryForObject("select id::text from export_jobs where trigger = 'file'", String.class);
        Path again = Files.copy(inbox.resolve(".done").resolve("nightly-crm.json"), inbox.resolve("nightly-crm.json"),
                StandardCopyOption.COPY_ATTRIBUTES);

        await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(again));

        assertThat(first.log()).containsPattern("Inbox file nightly-crm.json queued as export job " + jobId);
        assertThat(jdbc.queryForObject("select count(*) from export_jobs where trigger = 'file'", Long.class))
                .as("still one job").isEqualTo(1);
        JsonNode listed = Jobs.json(first.api().get("admin", "/api/leads/export/inbox"));
        assertThat(listed.get("items")).as("listed once").hasSize(1);
        assertThat(listed.get("items").get(0).get("jobId").asText()).isEqualTo(jobId);
        assertThat(inbox.resolve(".done").resolve("nightly-crm.json")).exists();
        assertThat(inbox.resolve(".error")).doesNotExist();
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".csv"))).as("delivered once").hasSize(1);
        }
    }

    @Test
    @Order(6)
    void aTickMissedWhileEveryInstanceWasDownRunsOnceAndTheStoreFollowsTheConfiguration() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scheduleJobs("missed"))
                .as(jdbc.queryForList("select trigger_name, trigger_state, next_fire_time, prev_fire_time "
                        + "from qrtz_triggers").toString()).isPositive());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> scheduleJobs("missed") == 1);
        assertThat(Instant.ofEpochMilli(jdbc.queryForObject(
                "select next_fire_time from qrtz_triggers where trigger_name = 'missed'", Long.class)))
                .as("then the cron goes on").isAfter(Instant.now());
        assertThat(jdbc.queryForList("select trigger_name from qrtz_triggers", String.class))
                .as("schedules removed from the configuration stop everywhere")
                .containsExactlyInAnyOrder("missed", "changed");
        assertThat(jdbc.queryForObject("select cron_expression from qrtz_cron_triggers where trigger_name = 'changed'",
                String.class)).as("a changed cron replaces the stored one").isEqualTo("0 30 4 1 1 ?");
        assertThat(jdbc.queryForObject("select count(*) from export_history h join export_jobs j on j.id = h.job_id "
                + "where j.requested_by = 'every-two-seconds'", Long.class))
                .as("a removed schedule's history stays").isGreaterThanOrEqualTo(3);
    }

    private List<String> common(String url, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--lead-export.users[0].username=admin", "--lead-export.users[0].password={noop}admin-pw",
                "--lead-export.users[0].roles=ADMIN",
                // Small fetches and chunks (as in the in-process tests): the long exports take a while.
                "--lead-export.export.fetch-size=50", "--lead-export.export.chunk-size=20",
                "--lead-export.jobs.poll-interval-ms=100", "--lead-export.jobs.heartbeat-interval-ms=200",
                "--lead-export.jobs.recovery-interval-ms=500", "--lead-export.jobs.lease=3s",
                "--lead-export.destinations.ticks.type=local", "--lead-export.destinations.ticks.directory=" + ticks,
                "--lead-export.destinations.crm.type=local", "--lead-export.destinations.crm.directory=" + crm));
        arguments.addAll(List.of(more));
        return arguments;
    }

    /** Schedule arguments: name, cron, destination, name, cron, destination… each exporting the tick lead. */
    private static List<String> schedules(String... nameCronDestination) {
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < nameCronDestination.length; i += 3) {
            String prefix = "--lead-export.schedules." + nameCronDestination[i] + ".";
            arguments.add(prefix + "cron=" + nameCronDestination[i + 1]);
            arguments.add(prefix + "destination=" + nameCronDestination[i + 2]);
            arguments.add(prefix + "request.filter.search=Tick lead");
        }
        return arguments;
    }

    /** How many times the instance's current log says it started the job (the pipeline's first log line). */
    private static long startedIn(JarInstance instance, String jobId) {
        return instance.log().lines().filter(line -> line.contains(jobId) && line.contains("Export job started"))
                .count();
    }

    private static final Pattern FIRED = Pattern.compile("Schedule every-two-seconds fired for (\\S+)");

    private static List<String> firedTimes(JarInstance instance) {
        List<String> times = new ArrayList<>();
        Matcher matcher = FIRED.matcher(instance.log());
        while (matcher.find()) {
            times.add(matcher.group(1));
        }
        return times;
    }

    private long scheduleJobs(String schedule) {
        return jdbc.queryForObject("select count(*) from export_jobs where trigger = 'schedule' and requested_by = ?",
                Long.class, schedule);
    }

    private long history(String jobId) {
        return jdbc.queryForObject("select count(*) from export_history where job_id = ?::uuid", Long.class, jobId);
    }

    /** The records of a CSV file the app wrote (after its byte order mark and header). */
    private static List<CSVRecord> csv(Path file) throws IOException {
        try (CSVParser parser = csvParser(file)) {
            return parser.getRecords();
        }
    }

    /** How many records a CSV file the app wrote holds, read as a stream (a long export's file is large). */
    private static long csvRecordCount(Path file) throws IOException {
        try (CSVParser parser = csvParser(file)) {
            return parser.stream().count();
        }
    }

    private static CSVParser csvParser(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            // No byte order mark (a request's csvBom option): the header starts at once.
            reader.reset();
        }
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
    }

    private String logTails() {
        return Stream.of(first, second).filter(i -> i != null).map(JarInstance::logTail)
                .collect(Collectors.joining("\n"));
    }
}
