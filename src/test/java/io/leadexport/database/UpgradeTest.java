package io.leadexport.database;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.LeadExportApplication;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrade safety: a database the first release wrote (schema V1-V3, with jobs, history, stored requests and a
 * schedule watermark; src/test/resources/upgrade/) and its storage/&lt;jobId&gt; folders are taken over by this
 * build. It migrates the database at start-up, as a real upgrade does, and everything still reads, parses and
 * downloads through the API. The app runs on its own database of the end-to-end tests' PostgreSQL server.
 */
@EndToEndTest
class UpgradeTest {

    private static final String DOWNLOADED = "11111111-1111-4111-8111-111111111111";
    private static final String EXPIRED = "22222222-2222-4222-8222-222222222222";
    private static final String SCHEDULED = "33333333-3333-4333-8333-333333333333";
    private static final String FROM_INBOX = "44444444-4444-4444-8444-444444444444";
    private static final String FILE_NAME = "leads_export_basic_status-new_created-from-2026-01-01_2026-11-20_101500.csv";

    @Autowired
    DatabaseEndpoint server;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path storage;
    @TempDir
    Path crmFolder;

    @Test
    void jobsHistoryRequestsAndFilesOfTheFirstReleaseSurviveTheUpgrade() throws IOException {
        String database = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("create database " + database);
        String url = server.url().replaceFirst("/postgres(?=\\?|$)", "/" + database);
        DriverManagerDataSource old = new DriverManagerDataSource(url, server.username(), server.password());
        Flyway.configure().dataSource(old).locations("classpath:db/migration").target("3").load().migrate();
        writeFirstReleaseData(old);

        try (ConfigurableApplicationContext upgraded = new SpringApplicationBuilder(LeadExportApplication.class)
                .profiles("test")
                .properties("spring.datasource.url=" + url, "spring.datasource.username=" + server.username(),
                        "spring.datasource.password=" + server.password(), "server.port=0",
                        "camel.main.jmx-enabled=false",
                        "lead-export.storage.directory=" + storage,
                        "lead-export.destinations.crm.type=local", "lead-export.destinations.crm.directory=" + crmFolder,
                        "lead-export.users[0].username=admin", "lead-export.users[0].password={noop}admin-pw",
                        "lead-export.users[0].roles=ADMIN",
                        "lead-export.users[1].username=manager", "lead-export.users[1].password={noop}manager-pw",
                        "lead-export.users[1].roles=MANAGER")
                .run()) {
            Api api = new Api(((WebServerApplicationContext) upgraded).getWebServer().getPort());
            Jobs jobs = new Jobs(api);
            JdbcTemplate migrated = new JdbcTemplate(old);

            assertThat(migrated.queryForObject("select count(*) from flyway_schema_history where success "
                    + "and cast(version as numeric) > 3", Integer.class)).as("this build's migrations ran").isPositive();

            // The jobs read, with their requests as they were stored.
            JsonNode downloaded = jobs.get("admin", DOWNLOADED);
            assertThat(downloaded.get("status").asText()).isEqualTo("succeeded");
            assertThat(downloaded.at("/request/template").asText()).isEqualTo("basic");
            assertThat(downloaded.at("/request/filter/status").toString()).isEqualTo("[\"new\"]");
            assertThat(downloaded.at("/file/name").asText()).isEqualTo(FILE_NAME);
            JsonNode expired = jobs.get("manager", EXPIRED);
            assertThat(expired.at("/request/fields").toString()).isEqualTo("[\"email\",\"fullName\"]");
            assertThat(expired.at("/request/filter/search").asText()).isEqualTo("brien");
            assertThat(jobs.get("admin", SCHEDULED).get("error").asText()).contains("Connection refused");
            assertThat(jobs.get("admin", FROM_INBOX).get("status").asText()).isEqualTo("cancelled");
            List<String> listed = Jobs.json(api.get("admin", "/api/leads/export/jobs?size=500")).get("items")
                    .findValuesAsText("id");
            assertThat(listed).contains(DOWNLOADED, EXPIRED, SCHEDULED, FROM_INBOX);

            // The history reads, fields and filters included.
            JsonNode history = Jobs.json(api.get("admin", "/api/leads/export/history?size=500")).get("items");
            assertThat(history.findValuesAsText("jobId")).contains(DOWNLOADED, EXPIRED, SCHEDULED, FROM_INBOX);
            for (JsonNode entry : history) {
                if (entry.get("jobId").asText().equals(EXPIRED)) {
                    assertThat(entry.get("fields").toString()).isEqualTo("[\"email\",\"fullName\"]");
                    assertThat(entry.at("/filter/country").toString()).isEqualTo("[\"DE\"]");
                    assertThat(entry.get("nationalId").asText()).isEqualTo("omitted");
                }
            }

            // Every stored request still parses, as strictly as a new one: it previews.
            for (String stored : migrated.queryForList("select request::text from export_jobs", String.class)) {
                HttpResponse<byte[]> preview = api.post("admin", "/api/leads/export/preview", stored);
                assertThat(preview.statusCode()).as(stored + " -> " + Api.text(preview)).isEqualTo(200);
            }

            // The file in its storage/<jobId> folder downloads, byte for byte; the expired one is gone.
            HttpResponse<byte[]> file = api.get("admin", "/api/leads/export/jobs/" + DOWNLOADED + "/file");
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(firstReleaseFile());
            assertThat(file.headers().firstValue("X-Export-Sha256"))
                    .hasValue("7ce883ddb4b8da7cc55bb94451c944cfec59bb6811a6f84cfdacd113793e4fb8");
            assertThat(api.get("manager", "/api/leads/export/jobs/" + EXPIRED + "/file").statusCode()).isEqualTo(410);

            // ...and is recognised as the job's: deleting the job's file removes that folder.
            assertThat(api.delete("admin", "/api/leads/export/jobs/" + DOWNLOADED).statusCode()).isEqualTo(200);
            assertThat(storage.resolve(DOWNLOADED)).doesNotExist();
            assertThat(jobs.get("admin", DOWNLOADED).at("/file/deletedAt").isNull()).isFalse();

            // The schedule's watermark is kept.
            assertThat(migrated.queryForObject("select updated_since::text from schedule_watermarks "
                    + "where schedule = 'nightly'", String.class)).startsWith("2026-11-18 02:00:00");
        } finally {
            jdbc.execute("drop database if exists " + database + " with (force)");
        }
    }

    private void writeFirstReleaseData(DriverManagerDataSource database) throws IOException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/upgrade/v3-jobs-and-history.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@STORAGE@", storage.toString());
        }
        new ResourceDatabasePopulator(new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8))).execute(database);
        Path folder = Files.createDirectories(storage.resolve(DOWNLOADED));
        Files.write(folder.resolve(FILE_NAME), firstReleaseFile());
    }

    private byte[] firstReleaseFile() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/upgrade/" + FILE_NAME)) {
            return in.readAllBytes();
        }
    }
}
