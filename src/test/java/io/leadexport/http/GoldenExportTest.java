package io.leadexport.http;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import javax.sql.DataSource;

import io.leadexport.database.DemoLeadSeeder;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.TestLeads;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes of a download of a fixed set of demo leads (every phone different, Unicode, multi-line notes, formula-like
 * text, missing fields) stay exactly those the single-threaded export wrote before the pipeline's per-row work was
 * made cheaper: the SHA-256 of each text format, with the generated-at time (the only thing that changes from one
 * download to the next) replaced by a fixed text.
 */
@EndToEndTest
class GoldenExportTest {

    private static final Instant SEEDED_AT = Instant.parse("2025-06-30T12:00:00Z");
    private static final int LEADS = 3_000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void seed() throws Exception {
        new TestLeads(jdbc).deleteAll();
        DemoLeadSeeder.seed(dataSource, LEADS, SEEDED_AT, 20261201L);
    }

    @ParameterizedTest
    @CsvSource({
            "csv, e9f692f52ab785a72d9afd14af0ad83f51950abc049bae035b0d25d775238e9c",
            "json, 5997ac87dc826dff2247f76463c76156af2078b9c9b785f6668672a58440ad24",
            "text, 0081937773eea16552b8f1704635be86da8d3e78324a4f6c08615e55bfbe233f",
            "csv&template=crm, 5bf1801829d35c324ac552067ffb5483c2a795c0a36ca519700d29dbe6579c7e"})
    void aDownloadOfTheFixedLeadsIsByteForByteTheSame(String query, String expectedSha256) throws Exception {
        HttpResponse<byte[]> response = new Api(port).get("admin", "/api/leads/export?format=" + query);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Export-Rows")).hasValue(Integer.toString(LEADS));
        assertThat(sha256(withoutGeneratedAt(new String(response.body(), StandardCharsets.UTF_8))))
                .isEqualTo(expectedSha256);
    }

    /** JSON's {@code "generatedAt":"…"} and the text header's {@code Generated at} value, replaced. */
    private static String withoutGeneratedAt(String file) {
        return file.replaceFirst("\"generatedAt\":\"[^\"]*\"", "\"generatedAt\":\"T\"")
                .replaceFirst("(Generated at\\W+)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d\\d:\\d\\d", "$1T");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
