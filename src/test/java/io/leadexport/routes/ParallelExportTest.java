package io.leadexport.routes;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.export.ExportProperties;
import io.leadexport.database.DemoLeadSeeder;
import io.leadexport.format.ExportDescription;
import io.leadexport.format.LeadWriter;
import io.leadexport.format.LeadWriters;
import io.leadexport.query.LeadQuery;
import io.leadexport.query.LeadQueryBuilder;
import io.leadexport.record.LeadRecordFormatter;
import io.leadexport.record.LeadRow;
import io.leadexport.record.LeadRowMapper;
import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parallel path of {@code run-export} (read ahead, chunks formatted on the shared pool, written in order) over
 * HTTP: the file is byte for byte what one thread writes, and a failure in one chunk fails the whole export with no
 * file left. The test profile's 20-row chunks spread 3,000 leads over 150 chunks.
 */
@EndToEndTest
@UseAdviceWith
class ParallelExportTest {

    private static final int LEADS = 3_000;
    /** When positive, the row at this position of the next export's stream cannot be formatted. */
    private static final AtomicInteger POISONED_ROW = new AtomicInteger();
    /** The context whose route has the poisoning step woven in (once per context). */
    private static CamelContext poisonable;

    @Autowired
    CamelContext camel;
    @Autowired
    DataSource dataSource;
    @Autowired
    LeadRecordFormatter formatter;
    @Autowired
    LeadWriters writers;
    @Autowired
    ExportRequestParser parser;
    @Autowired
    ExportProperties properties;
    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        if (poisonable != camel) {
            AdviceWith.adviceWith(camel, "run-export", route -> route.weaveById("stream-leads").after()
                    .process(exchange -> {
                        int poisoned = POISONED_ROW.get();
                        if (poisoned > 0) {
                            Iterator<?> rows = exchange.getMessage().getBody(Iterator.class);
                            exchange.getMessage().setBody(poison(rows, poisoned));
                        }
                    }));
            poisonable = camel;
        }
        camel.start();
        new TestLeads(new JdbcTemplate(dataSource)).deleteAll();
        DemoLeadSeeder.seed(dataSource, LEADS, Instant.parse("2026-01-01T00:00:00Z"), 7L);
        api = new Api(port);
    }

    @AfterEach
    void noPoison() {
        POISONED_ROW.set(0);
    }

    @Test
    void theFileIsByteForByteWhatOneThreadWritesInRowOrder() throws Exception {
        for (String format : List.of("csv", "text")) {
            HttpResponse<byte[]> response = api.get("admin", "/api/leads/export?format=" + format);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Export-Rows")).hasValue(Integer.toString(LEADS));
            byte[] expected = singleThreaded(format, response);
            assertThat(response.body()).as(format).isEqualTo(expected);
        }
    }

    @Test
    void aFailureInOneChunkFailsTheDownloadAndLeavesNoFile() throws Exception {
        List<Path> before = storedFiles();
        POISONED_ROW.set(1_234);

        HttpResponse<byte[]> response = api.get("admin", "/api/leads/export?format=csv");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aFailureInOneChunkFailsTheJobAndLeavesNoFile() throws Exception {
        Jobs jobs = new Jobs(api);
        POISONED_ROW.set(2_500);

        String id = jobs.start("admin", "{\"format\": \"json\"}").get("id").asText();
        JsonNode job = jobs.awaitFinished("admin", id, Duration.ofSeconds(30));

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("file").isNull()).isTrue();
        assertThat(properties.storage().directory().resolve(id)).doesNotExist();
    }

    /** The same export written by a plain loop on this thread: cursor order, the app's formatter and writer. */
    private byte[] singleThreaded(String format, HttpResponse<byte[]> response) throws Exception {
        ExportRequest request = parser.fromQueryString("format=" + format);
        LeadQuery select = new LeadQueryBuilder().select(ExportFilter.NONE);
        List<LeadRow> rows = new JdbcTemplate(dataSource).query(select.sql(), new LeadRowMapper(),
                select.parameters().toArray());
        OffsetDateTime generatedAt = format.equals("text") ? generatedAt(response) : OffsetDateTime.now();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LeadWriter writer = writers.open(out, new ExportDescription(request, generatedAt, "admin", LEADS))) {
            writer.begin();
            for (LeadRow row : rows) {
                writer.write(List.<Object[]>of(formatter.format(row, request)));
            }
            writer.finish();
        }
        return out.toByteArray();
    }

    /** The text report says when it was generated: read it back from the report's header. */
    private OffsetDateTime generatedAt(HttpResponse<byte[]> response) {
        String text = Api.text(response);
        String line = text.lines().filter(l -> l.startsWith("Generated at")).findFirst().orElseThrow();
        String value = line.substring(line.indexOf(':') + 1).strip();
        return OffsetDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx"));
    }

    private List<Path> storedFiles() throws Exception {
        Path storage = properties.storage().directory();
        if (!Files.exists(storage)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(storage)) {
            return paths.filter(path -> !path.equals(storage)).sorted().toList();
        }
    }

    /** The rows as read, except that the one at {@code position} (1-based) has a time no zone can show. */
    private static Iterator<LeadRow> poison(Iterator<?> rows, int position) {
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public LeadRow next() {
                LeadRow row = (LeadRow) rows.next();
                if (++read != position) {
                    return row;
                }
                return new LeadRow(row.id(), row.fullName(), row.phone(), row.email(), row.nationalId(),
                        row.addressLine1(), row.addressLine2(), row.city(), row.region(), row.postalCode(),
                        row.country(), row.policyOfInterest(), row.preferredContactTime(), row.notes(), row.status(),
                        row.conversationId(), OffsetDateTime.MAX, row.updatedAt());
            }
        };
    }
}
