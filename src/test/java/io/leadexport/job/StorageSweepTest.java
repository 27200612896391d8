package io.leadexport.job;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.export.ExportProperties;
import io.leadexport.security.ExportUser;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files belong to the attempt that wrote them, and the storage sweep removes only what this product left behind, as
 * the database says: an overtaken attempt's folder and a crashed download's, never a live attempt's files, a legacy
 * job folder's file, or a folder that is not this product's.
 */
@EndToEndTest
class StorageSweepTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobStore store;
    @Autowired
    ExportRetention retention;
    @Autowired
    ExportProperties exportProperties;

    Api api;
    Jobs jobs;
    Path storage;

    @BeforeEach
    void setUp() throws IOException {
        api = new Api(port);
        jobs = new Jobs(api);
        storage = exportProperties.storage().directory().toAbsolutePath().normalize();
        Files.createDirectories(storage);
    }

    @Test
    void aJobWritesInItsAttemptsFolder() {
        String id = jobs.start("manager", "{\"format\": \"csv\"}").get("id").asText();
        JsonNode done = jobs.awaitFinished("manager", id, Duration.ofSeconds(30));

        assertThat(done.get("status").asText()).isEqualTo("succeeded");
        assertThat(Path.of(store.find(id).orElseThrow().filePath()).getParent())
                .isEqualTo(storage.resolve(id).resolve("attempt-1"));
    }

    @Test
    void anOvertakenAttemptsLeftoversGoWhileTheAttemptThatTookOverKeepsItsFile() throws IOException {
        String id = succeededJob(2, "attempt-2/leads.csv");
        Path stale = Files.createDirectories(storage.resolve(id).resolve("attempt-1"));
        Files.writeString(stale.resolve(".leads.csv.part"), "half a file");
        Files.writeString(stale.resolve(".poi-sxssf-sheet123.xml.gz.tmp"), "rows");

        retention.sweep();

        assertThat(stale).doesNotExist();
        HttpResponse<byte[]> file = api.get("admin", "/api/leads/export/jobs/" + id + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(Api.text(file)).isEqualTo("the file of " + id);
    }

    @Test
    void aCrashedAttemptIsRunAgainAndItsPartialFileRemoved() throws IOException {
        String id = UUID.randomUUID().toString();
        Path crashed = Files.createDirectories(storage.resolve(id).resolve("attempt-1"));
        Files.writeString(crashed.resolve(".leads.csv.part"), "half a file");
        // As an instance that died while writing leaves it: running, no heartbeat for long, a partial file. One
        // statement, so that no worker claims the job before it looks like that.
        jdbc.update("insert into export_jobs (id, status, trigger, requested_by, requested_roles, requester_kind, "
                + "request, destination, attempt, worker, heartbeat_at, started_at) values (?::uuid, 'running', 'http', "
                + "'manager', 'MANAGER', 'user', '{\"format\": \"csv\"}'::jsonb, 'download', 1, 'dead/1', "
                + "now() - interval '1 hour', now() - interval '1 hour')", id);

        JsonNode done = jobs.awaitFinished("manager", id, Duration.ofSeconds(30));
        retention.sweep();

        assertThat(done.get("status").asText()).isEqualTo("succeeded");
        assertThat(crashed).doesNotExist();
        assertThat(Path.of(store.find(id).orElseThrow().filePath())).exists()
                .hasParent(storage.resolve(id).resolve("attempt-2"));
        assertThat(api.get("manager", "/api/leads/export/jobs/" + id + "/file").statusCode()).isEqualTo(200);
    }

    @Test
    void aCrashedDownloadsFolderIsRemovedOnceItsSlotIsStale() throws IOException {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into export_downloads (id, requested_by, requester_kind, worker, heartbeat_at) "
                + "values (?::uuid, 'manager', 'user', 'dead', now() - interval '1 hour')", id);
        Path folder = Files.createDirectories(storage.resolve(id));
        Files.writeString(folder.resolve(".leads.csv.part"), "half a file");
        String live = UUID.randomUUID().toString();
        jdbc.update("insert into export_downloads (id, requested_by, requester_kind, worker) "
                + "values (?::uuid, 'manager', 'user', 'elsewhere')", live);
        Path liveFolder = Files.createDirectories(storage.resolve(live));
        Files.writeString(liveFolder.resolve(".leads.csv.part"), "being written on another instance");

        try {
            retention.sweep();

            assertThat(folder).doesNotExist();
            assertThat(jdbc.queryForObject("select count(*) from export_downloads where id = ?::uuid", Long.class, id))
                    .isZero();
            assertThat(liveFolder.resolve(".leads.csv.part")).exists();
        } finally {
            jdbc.update("delete from export_downloads where id = ?::uuid", live);
        }
    }

    @Test
    void foldersThatAreNotThisProductsAreLeftAlone() throws IOException {
        Path data = Files.createDirectories(storage.resolve("data"));
        Files.writeString(data.resolve("PG_VERSION"), "16");
        Path unknown = Files.createDirectories(storage.resolve(UUID.randomUUID().toString()));
        Files.writeString(unknown.resolve("someone-elses.csv"), "a,b");
        Path loose = Files.writeString(storage.resolve("notes.txt"), "keep me");

        retention.sweep();

        assertThat(data.resolve("PG_VERSION")).exists();
        assertThat(unknown.resolve("someone-elses.csv")).exists();
        assertThat(loose).exists();
    }

    @Test
    void aFileOfThePreviousLayoutIsStillServedAndKept() throws IOException {
        String id = succeededJob(1, "leads.csv");
        Files.writeString(storage.resolve(id).resolve(".other.csv.part"), "a crash of the previous layout");

        retention.sweep();

        assertThat(storage.resolve(id).resolve("leads.csv")).exists();
        assertThat(storage.resolve(id).resolve(".other.csv.part")).doesNotExist();
        assertThat(api.get("admin", "/api/leads/export/jobs/" + id + "/file").statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredFileThatIsNotOnThisInstanceIsNotMarkedDeleted() throws IOException {
        String id = UUID.randomUUID().toString();
        store.insert(id, "http", new ExportUser("admin", java.util.Set.of("ADMIN")), "{}", "download", null);
        jdbc.update("update export_jobs set status = 'succeeded', attempt = 1, file_name = 'leads.csv', "
                + "file_path = ?, expires_at = now() - interval '1 minute', finished_at = now() where id = ?::uuid",
                "/elsewhere/" + id + "/attempt-1/leads.csv", id);

        retention.sweep();

        assertThat(store.find(id).orElseThrow().fileDeletedAt()).isNull();
    }

    /** A succeeded job whose file, at {@code relativeFile} under its folder, holds "the file of <id>". */
    private String succeededJob(int attempt, String relativeFile) throws IOException {
        String id = UUID.randomUUID().toString();
        Path file = storage.resolve(id).resolve(relativeFile);
        store.insert(id, "http", new ExportUser("admin", java.util.Set.of("ADMIN")), "{}", "download", null);
        jdbc.update("update export_jobs set status = 'succeeded', attempt = ?, file_name = 'leads.csv', "
                + "file_path = ?, file_size = 10, expires_at = now() + interval '1 hour', finished_at = now() "
                + "where id = ?::uuid", attempt, file.toString(), id);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "the file of " + id);
        return id;
    }
}
