package io.leadexport.deliver;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.support.Api;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;
import io.leadexport.support.TestLeads.Lead;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SFTP delivery to a real OpenSSH server (Debian's sshd with {@code internal-sftp}, started by
 * {@link DeliveryDestinations}): exports started over HTTP arrive in the folder each destination names, as the server's
 * own file system shows them, and are read back and compared. The client key has a passphrase.
 */
class OpenSshDeliveryTest extends DeliveryDestinations {

    private static final Instant T0 = Instant.parse("2024-03-05T17:30:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Jobs jobs;
    List<Lead> hardCases;

    @BeforeAll
    static void needsSshd() {
        OpenSshServer.assumeAvailable();
    }

    @BeforeEach
    void setUp() {
        jobs = new Jobs(new Api(port));
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        hardCases = TestLeads.hardCases(T0);
        leads.insert(hardCases);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssh-absolute", "openssh-relative", "openssh-login-folder", "openssh-chroot"})
    void theFileAndItsManifestArriveInTheNamedFolder(String destination) throws Exception {
        Path folder = switch (destination) {
            case "openssh-absolute" -> sshd.home().resolve("incoming");
            case "openssh-relative" -> sshd.home().resolve("relative/leads");
            case "openssh-login-folder" -> sshd.home();
            case "openssh-chroot" -> sshd.jail().resolve("upload");
            default -> throw new IllegalArgumentException(destination);
        };
        JsonNode job = run("{\"format\": \"csv\", \"destination\": \"" + destination + "\"}");

        assertThat(job.get("status").asText()).as(job + "\n" + sshd.log()).isEqualTo("succeeded");
        String name = job.get("file").get("name").asText();
        assertThat(job.get("delivery").asText()).endsWith("/" + name);
        List<CSVRecord> records = parse(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
        assertThat(records).extracting(r -> r.get("Lead ID"))
                .containsExactlyElementsOf(hardCases.stream().map(l -> l.id().toString()).toList());
        assertThat(records.get(0).get("Full Name")).isEqualTo("Zoë 王伟 محمد 🦊");
        assertThat(records.get(0).get("Notes")).isEqualTo("Line one\nLine \"two\", with comma\r\nLine three");
        assertThat(records.get(3).get("Notes")).isEqualTo("Lorem, \"ipsum\"\n".repeat(2000));
        JsonNode manifest = JSON.readTree(folder.resolve(name + ".manifest.json").toFile());
        assertThat(manifest.get("file").asText()).isEqualTo(name);
        assertThat(manifest.get("sha256").asText()).isEqualTo(job.get("file").get("sha256").asText());
        assertThat(files(folder)).as("no temporary file is left").noneMatch(f -> f.endsWith(".part"));
    }

    @Test
    void aMissingFolderFailsTheJobNamingIt() throws IOException {
        JsonNode job = run("{\"format\": \"csv\", \"destination\": \"openssh-missing\"}");

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText())
                .startsWith("SFTP delivery to 'openssh-missing' (")
                .contains(sshd.home().resolve("no-such-folder").toString())
                .contains("the remote folder does not exist or cannot be entered")
                .contains("no-such-folder");
        assertThat(sshd.home().resolve("no-such-folder")).as("no folder is made up").doesNotExist();
    }

    private JsonNode run(String request) {
        String id = jobs.start("admin", request).get("id").asText();
        return jobs.awaitFinished("admin", id, Duration.ofSeconds(60));
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }
}
