package io.leadexport.deliver;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.request.RequestProperties;
import io.leadexport.support.Api;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;
import io.leadexport.support.TestLeads.Lead;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SFTP delivery end to end (README, "Delivery"), with the faults an embedded server can be made to have: exports started over HTTP are
 * uploaded to the Apache MINA SSHD servers of {@link DeliveryDestinations} (host keys checked against known_hosts files
 * written there), and what arrives is read back from the servers' folders.
 */
class SftpDeliveryTest extends DeliveryDestinations {

    private static final Instant T0 = Instant.parse("2024-03-05T17:30:00Z");
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamelContext camel;
    @Autowired
    RequestProperties properties;

    Api api;
    Jobs jobs;
    List<Lead> hardCases;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        jobs = new Jobs(api);
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        hardCases = TestLeads.hardCases(T0);
        leads.insert(hardCases);
    }

    @Test
    void aCsvExportIsUploadedThenItsManifest() throws Exception {
        JsonNode job = run("{\"format\": \"csv\", \"destination\": \"crm-sftp\"}");

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        String name = job.get("file").get("name").asText();
        assertThat(name).matches("leads_export_\\d{4}-\\d{2}-\\d{2}_\\d{6}\\.csv");
        assertThat(job.get("delivery").asText())
                .isEqualTo("sftp://leads@127.0.0.1:" + server.port() + "/inbound/" + name);
        assertThat(job.get("file").get("downloadUrl").isNull()).as("nothing is kept for download").isTrue();

        Path folder = server.folder("inbound");
        byte[] csv = Files.readAllBytes(folder.resolve(name));
        List<CSVRecord> records = parse(new String(csv, StandardCharsets.UTF_8));
        assertThat(records).hasSize(4);
        assertThat(records.get(0).get("Lead ID")).isEqualTo(hardCases.get(0).id().toString());
        assertThat(records.get(0).get("Full Name")).isEqualTo("Zoë 王伟 محمد 🦊");
        assertThat(records.get(0).get("Phone Number")).isEqualTo("+44 20 7946 0958");
        assertThat(records.get(0).get("Email")).isEqualTo("zoe@example.org");
        assertThat(records.get(0).get("National ID")).isEqualTo("**-**-*4-56-C");
        assertThat(records.get(0).get("Notes")).isEqualTo("Line one\nLine \"two\", with comma\r\nLine three");
        assertThat(records.get(0).get("Created Date")).isEqualTo("2024-03-05 12:30:00");
        assertThat(records.get(1).get("Full Name")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(records.get(2).get("Full Name")).isEqualTo("O'Brien, \"Ace\"");
        assertThat(records.get(2).get("Phone Number")).isEmpty();
        assertThat(records.get(3).get("Notes")).isEqualTo("Lorem, \"ipsum\"\n".repeat(2000));

        JsonNode manifest = JSON.readTree(folder.resolve(name + ".manifest.json").toFile());
        assertThat(manifest.get("file").asText()).isEqualTo(name);
        assertThat(manifest.get("rows").asLong()).isEqualTo(4);
        assertThat(manifest.get("size").asLong()).isEqualTo(csv.length);
        assertThat(manifest.get("sha256").asText()).isEqualTo(sha256(csv)).isEqualTo(job.get("file").get("sha256").asText());
        assertThat(manifest.get("jobId").asText()).isEqualTo(job.get("id").asText());
        List<String> renamed = server.renamedTo();
        assertThat(renamed).as("both uploaded under a temporary name, the data file renamed first")
                .containsSubsequence(name, name + ".manifest.json");
        assertThat(temporaryFiles(folder)).isEmpty();

        JsonNode history = history(job.get("id").asText());
        assertThat(history.get("destination").asText()).isEqualTo("crm-sftp");
        assertThat(history.get("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void pgpEncryptedFilesDecryptToTheExportAndItsManifest() throws Exception {
        JsonNode job = run("{\"format\": \"csv\", \"destination\": \"crm-sftp-pgp\"}");

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        String name = job.get("file").get("name").asText();
        assertThat(job.get("delivery").asText()).endsWith("/encrypted/" + name + ".pgp");
        Path folder = server.folder("encrypted");
        assertThat(files(folder)).as("only encrypted files arrive")
                .containsExactlyInAnyOrder(name + ".pgp", name + ".manifest.json.pgp");

        PgpTestKeys.Decrypted csv = recipient.decrypt(Files.readAllBytes(folder.resolve(name + ".pgp")));
        assertThat(csv.integrityChecked()).isTrue();
        assertThat(csv.fileName()).isEqualTo(name);
        assertThat(sha256(csv.content())).isEqualTo(job.get("file").get("sha256").asText());
        List<CSVRecord> records = parse(new String(csv.content(), StandardCharsets.UTF_8));
        assertThat(records).extracting(r -> r.get("Lead ID"))
                .containsExactlyElementsOf(hardCases.stream().map(l -> l.id().toString()).toList());
        assertThat(records.get(0).get("Full Name")).isEqualTo("Zoë 王伟 محمد 🦊");

        PgpTestKeys.Decrypted manifest = recipient.decrypt(Files.readAllBytes(folder.resolve(name + ".manifest.json.pgp")));
        JsonNode json = JSON.readTree(manifest.content());
        assertThat(json.get("file").asText()).as("the manifest describes the decrypted file").isEqualTo(name);
        assertThat(json.get("sha256").asText()).isEqualTo(sha256(csv.content()));
        assertThat(server.renamedTo()).containsSubsequence(name + ".pgp", name + ".manifest.json.pgp");
    }

    @Test
    void aHostKeyMismatchFailsTheJobAtOnceAndUploadsNothing() throws IOException {
        int connectionsBefore = server.connections();
        JsonNode job = run("{\"format\": \"csv\", \"destination\": \"crm-sftp-wrong-key\"}");

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText())
                .startsWith("SFTP delivery to 'crm-sftp-wrong-key' (sftp://leads@127.0.0.1:" + server.port() + "/wrong-key/) failed: ")
                .contains("the server's host key does not match the destination's known-hosts-file");
        assertThat(server.connections() - connectionsBefore).as("one connection, not retried").isEqualTo(1);
        assertThat(job.get("delivery").isNull()).isTrue();
        assertThat(files(server.folder("wrong-key"))).isEmpty();
        assertThat(history(job.get("id").asText()).get("error").asText()).contains("host key does not match");
    }

    @Test
    void aRefusedLoginFailsTheJobAtOnce() {
        int connectionsBefore = server.connections();
        JsonNode job = run("{\"format\": \"csv\", \"destination\": \"crm-sftp-bad-login\"}");

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).contains("crm-sftp-bad-login").contains("the server refused the login")
                .doesNotContain(PASSWORD);
        assertThat(server.connections() - connectionsBefore).as("one connection, not retried").isEqualTo(1);
    }

    @Test
    void aServerThatComesUpLateGetsTheFileExactlyOnce() throws Exception {
        AtomicInteger retries = new AtomicInteger();
        EventNotifierSupport retryCounter = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                retries.incrementAndGet();
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeRedeliveryEvent;
            }
        };
        camel.getManagementStrategy().addEventNotifier(retryCounter);
        ServiceHelper.startService(retryCounter);
        try {
            String id = jobs.start("admin", "{\"format\": \"csv\", \"destination\": \"crm-sftp-late\"}").get("id").asText();
            // Down for the first attempts: 0.2 s, 0.4 s and 0.8 s apart, so the server comes up after about 1.4 s.
            await().atMost(Duration.ofSeconds(20)).until(() -> retries.get() >= 3);
            lateServer.start(latePort);

            JsonNode job = jobs.awaitFinished("admin", id, Duration.ofSeconds(30));

            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
            String name = job.get("file").get("name").asText();
            assertThat(job.get("delivery").asText()).isEqualTo("sftp://leads@127.0.0.1:" + latePort + "/inbound/" + name);
            assertThat(lateServer.renamedTo()).as("each file arrived once").containsExactly(name, name + ".manifest.json");
            Path folder = lateServer.folder("inbound");
            assertThat(files(folder)).containsExactlyInAnyOrder(name, name + ".manifest.json");
            assertThat(parse(Files.readString(folder.resolve(name)))).hasSize(4);
        } finally {
            camel.getManagementStrategy().removeEventNotifier(retryCounter);
            ServiceHelper.stopService(retryCounter);
        }
    }

    @Test
    void aTakenNameGetsTheJobIdAndNothingIsOverwritten() throws Exception {
        // Files with every name the export can get in the next minute: its own name is taken whenever it finishes.
        Path folder = server.folder("by-password");
        OffsetDateTime now = OffsetDateTime.now(properties.zone());
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss");
        for (int second = -2; second <= 60; second++) {
            Files.writeString(folder.resolve("leads_export_basic_" + stamp.format(now.plusSeconds(second)) + ".json"),
                    "taken");
        }

        JsonNode job = run("{\"format\": \"json\", \"template\": \"basic\", \"destination\": \"crm-sftp-password\"}");

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        String name = job.get("file").get("name").asText();
        String unique = name.replace(".json", "_" + job.get("id").asText().substring(0, 8) + ".json");
        assertThat(job.get("delivery").asText()).endsWith("/by-password/" + unique);
        assertThat(Files.readString(folder.resolve(name))).as("the file that was there is untouched").isEqualTo("taken");
        JsonNode delivered = JSON.readTree(folder.resolve(unique).toFile());
        assertThat(delivered.get("leads").findValuesAsText("fullName")).hasSize(4).contains("Zoë 王伟 محمد 🦊");
        assertThat(Files.exists(folder.resolve(unique + ".manifest.json"))).as("JSON has no manifest").isFalse();
        assertThat(temporaryFiles(folder)).isEmpty();
    }

    @Test
    void aRefusedRenameFailsTheJobAndLeavesNoTemporaryFile() throws IOException {
        Path folder = server.folder("inbound");
        List<String> before = files(folder);
        server.refuseRenames(true);
        JsonNode job;
        try {
            job = run("{\"format\": \"csv\", \"destination\": \"crm-sftp\"}");
        } finally {
            server.refuseRenames(false);
        }

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).startsWith("SFTP delivery to 'crm-sftp' (").contains("Cannot rename");
        assertThat(files(folder)).as("the partial upload was removed").isEqualTo(before);
    }

    private JsonNode run(String request) {
        String id = jobs.start("admin", request).get("id").asText();
        return jobs.awaitFinished("admin", id, Duration.ofSeconds(30));
    }

    private JsonNode history(String jobId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode item : Jobs.json(api.get("admin", "/api/leads/export/history?size=500")).get("items")) {
                if (jobId.equals(item.get("jobId").asText())) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> temporaryFiles(Path folder) throws IOException {
        return files(folder).stream().filter(f -> f.endsWith(".part")).toList();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
