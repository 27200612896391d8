package io.leadexport.http;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.export.ExportProperties;
import io.leadexport.record.NationalIdEncryptor;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.TestLeads;
import io.leadexport.support.TestLeads.Lead;

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

/** {@code GET /api/leads/export}: the export pipeline end to end, files read back by real readers. */
@EndToEndTest
class HttpExportTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Instant T0 = Instant.parse("2024-03-05T17:30:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NationalIdEncryptor encryptor;
    @Autowired
    ExportProperties properties;

    Api api;
    TestLeads leads;
    List<Lead> hardCases;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        leads = new TestLeads(jdbc);
        leads.deleteAll();
        hardCases = TestLeads.hardCases(T0);
        leads.insert(hardCases);
    }

    @Test
    void csvExportKeepsEveryHardCaseFieldByField() throws IOException {
        HttpResponse<byte[]> response = api.get("admin", "/api/leads/export?format=csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .matches("attachment; filename=\"leads_export_\\d{4}-\\d{2}-\\d{2}_\\d{6}\\.csv\".*"));
        String csv = Api.text(response);
        assertThat(csv).startsWith("Lead ID,Full Name,Phone Number,Email,National ID,Address,Policy of Interest,"
                + "Preferred Contact Time,Notes,Status,Created Date,Updated Date,Conversation ID,Conversation Link\r\n");

        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(4);

        CSVRecord unicode = records.get(0);
        Lead zoe = hardCases.get(0);
        assertThat(unicode.get("Lead ID")).isEqualTo(zoe.id().toString());
        assertThat(unicode.get("Full Name")).isEqualTo("Zoë 王伟 محمد 🦊");
        assertThat(unicode.get("Phone Number")).isEqualTo("+44 20 7946 0958");
        assertThat(unicode.get("Email")).isEqualTo("zoe@example.org");
        assertThat(unicode.get("National ID")).isEqualTo("**-**-*4-56-C");
        assertThat(unicode.get("Address")).isEqualTo("221B Baker St, London, NW1 6XE, GB");
        assertThat(unicode.get("Notes")).isEqualTo("Line one\nLine \"two\", with comma\r\nLine three");
        assertThat(unicode.get("Created Date")).isEqualTo(CSV_DATE.format(T0.atZone(NEW_YORK)));
        assertThat(unicode.get("Created Date")).isEqualTo("2024-03-05 12:30:00");
        assertThat(unicode.get("Updated Date")).isEqualTo("2024-03-05 12:31:00");
        assertThat(unicode.get("Conversation ID")).isEqualTo("conv/ü 1");
        assertThat(unicode.get("Conversation Link"))
                .isEqualTo("https://chat.example.com/conversations/conv%2F%C3%BC%201");

        CSVRecord formulas = records.get(1);
        assertThat(formulas.get("Full Name")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(formulas.get("Phone Number")).isEqualTo("call me maybe");
        assertThat(formulas.get("Notes")).isEqualTo("'+SUM(A1:A2)");
        assertThat(formulas.get("Address")).isEmpty();
        assertThat(formulas.get("Policy of Interest")).isEqualTo("life");

        CSVRecord nulls = records.get(2);
        assertThat(nulls.get("Full Name")).isEqualTo("O'Brien, \"Ace\"");
        assertThat(nulls.get("Phone Number")).isEmpty();
        assertThat(nulls.get("National ID")).isEmpty();
        assertThat(nulls.get("Notes")).isEqualTo("'@mention -- and\ttab");

        CSVRecord longNotes = records.get(3);
        assertThat(longNotes.get("Notes")).isEqualTo("Lorem, \"ipsum\"\n".repeat(2000));
        assertThat(longNotes.get("Phone Number")).as("an unparseable phone is text like any other").isEqualTo("'-1 555");
        assertThat(longNotes.get("National ID")).as("four characters or fewer are masked whole").isEqualTo("****");
    }

    @Test
    void parsedPhoneNumbersAreNotNeutralisedAndCrmTemplateUsesE164() throws IOException {
        leads.deleteAll();
        leads.insert(TestLeads.plain("Jane Doe", T0));

        List<CSVRecord> international = parse(Api.text(api.get("admin", "/api/leads/export?template=basic")));
        List<CSVRecord> crm = parse(Api.text(api.get("admin", "/api/leads/export?template=crm")));

        assertThat(international.get(0).get("Phone Number")).isEqualTo("+1 415-555-0132");
        assertThat(crm.get(0).toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("Full Name", "Jane Doe",
                "Phone Number", "+14155550132", "Email", "jane.doe@example.com", "Policy of Interest", "Auto"));
        assertThat(crm.get(0).getParser().getHeaderNames())
                .containsExactly("Full Name", "Phone Number", "Email", "Policy of Interest");
    }

    @Test
    void customFieldsKeepTheCallersOrderAndBomIsOptional() {
        String csv = Api.text(api.get("admin", "/api/leads/export?fields=status,fullName&csvBom=true"));

        assertThat(csv).startsWith("\uFEFFStatus,Full Name\r\n");
        assertThat(Api.text(api.get("admin", "/api/leads/export?fields=status"))).startsWith("Status\r\n");
    }

    @Test
    void jsonExportHasTheEnvelopeAndTypedValues() throws IOException {
        HttpResponse<byte[]> response = api.get("admin",
                "/api/leads/export?format=json&fields=fullName,phone,email,notes,createdAt,conversationId&status=contacted,lost");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(response.body());
        JsonNode export = json.get("export");
        assertThat(export.get("generatedBy").asText()).isEqualTo("admin");
        assertThat(OffsetDateTime.parse(export.get("generatedAt").asText()).getOffset())
                .isEqualTo(NEW_YORK.getRules().getOffset(Instant.now()));
        assertThat(export.get("filter").toString()).isEqualTo("{\"status\":[\"contacted\",\"lost\"]}");
        assertThat(export.get("fields").toString())
                .isEqualTo("[\"fullName\",\"phone\",\"email\",\"notes\",\"createdAt\",\"conversationId\"]");
        assertThat(export.get("count").asLong()).isEqualTo(2);

        JsonNode first = json.get("leads").get(0);
        assertThat(first.get("fullName").asText()).isEqualTo("Zoë 王伟 محمد 🦊");
        assertThat(first.get("notes").asText()).isEqualTo("Line one\nLine \"two\", with comma\r\nLine three");
        assertThat(first.get("createdAt").asText()).isEqualTo("2024-03-05T12:30:00-05:00");
        assertThat(OffsetDateTime.parse(first.get("createdAt").asText()).toInstant()).isEqualTo(T0);
        JsonNode second = json.get("leads").get(1);
        assertThat(second.get("phone").isNull()).isTrue();
        assertThat(second.get("email").isNull()).isTrue();
        assertThat(second.get("notes").asText()).as("JSON is not a spreadsheet: no neutralisation")
                .isEqualTo("@mention -- and\ttab");
        assertThat(json.get("leads")).hasSize(2);
    }

    @Test
    void wholeDayFiltersAreInclusiveInTheExportZone() throws IOException {
        leads.deleteAll();
        leads.insert(
                TestLeads.plain("before", Instant.parse("2024-01-08T04:59:59.999999Z")),
                TestLeads.plain("first", Instant.parse("2024-01-08T05:00:00Z")),
                TestLeads.plain("last", Instant.parse("2024-01-15T04:59:59.999999Z")),
                TestLeads.plain("after", Instant.parse("2024-01-15T05:00:00Z")));

        assertThat(names("createdFrom=2024-01-08&createdTo=2024-01-14")).containsExactly("first", "last");
        assertThat(names("createdFrom=2024-01-08")).containsExactly("first", "last", "after");
        assertThat(names("createdTo=2024-01-08")).containsExactly("before", "first");
        assertThat(names("createdFrom=2024-01-08T05:00:00Z&createdTo=2024-01-15T04:59:59.999999Z"))
                .as("instants are inclusive at both ends").containsExactly("first", "last");
        assertThat(names("updatedFrom=2024-01-15")).containsExactly("after");
    }

    @Test
    void filtersSelectExactlyTheMatchingLeads() throws IOException {
        leads.deleteAll();
        leads.insert(
                TestLeads.plain("Anna Smith", T0).withPolicy("Auto").withStatus("new"),
                TestLeads.plain("Bob Jones", T0.plusSeconds(1)).withPolicy("auto").withStatus("lost"),
                TestLeads.plain("Carl 50%_off", T0.plusSeconds(2)).withPolicy("Home").withStatus("new"));

        assertThat(names("policy=AUTO")).containsExactly("Anna Smith", "Bob Jones");
        assertThat(names("status=new&policy=home")).containsExactly("Carl 50%_off");
        assertThat(names("status=new,lost")).hasSize(3);
        assertThat(names("country=us&search=smith")).containsExactly("Anna Smith");
        assertThat(names("search=" + URLEncoder.encode("50%_", StandardCharsets.UTF_8))).containsExactly("Carl 50%_off");
        assertThat(names("search=" + URLEncoder.encode("%", StandardCharsets.UTF_8))).containsExactly("Carl 50%_off");
        assertThat(names("search=415-555-0132")).as("phone digits match whatever the punctuation").hasSize(3);
        assertThat(names("country=FR")).isEmpty();
    }

    @Test
    void anEmptyResultIsAHeaderOnlyFile() {
        String csv = Api.text(api.get("admin", "/api/leads/export?template=basic&status=new"));

        assertThat(csv).isEqualTo("Full Name,Phone Number,Email,Status,Created Date\r\n");
    }

    @Test
    void filterIsNotedInFileNameAndHeader() {
        HttpResponse<byte[]> response = api.get("admin",
                "/api/leads/export?template=crm&status=new&createdFrom=2024-01-08&createdTo=2024-01-14&search=Zo%C3%AB");

        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).matches(
                "attachment; filename=\"leads_export_crm_status-new_created-2024-01-08-to-2024-01-14_search_"
                        + "\\d{4}-\\d{2}-\\d{2}_\\d{6}\\.csv\".*");
        assertThat(response.headers().firstValue("X-Export-Filter")).hasValue(
                "{\"status\":[\"new\"],\"createdFrom\":\"2024-01-08\",\"createdTo\":\"2024-01-14\",\"search\":\"Zo\\u00EB\"}");
    }

    @Test
    void nationalIdPoliciesMaskEncryptOmitOrShowPlain() throws IOException {
        Lead zoe = hardCases.get(0);

        String encrypted = parse(Api.text(api.get("admin", "/api/leads/export?fields=nationalId&nationalId=encrypted")))
                .get(0).get("National ID");
        String plain = parse(Api.text(api.get("admin", "/api/leads/export?fields=nationalId&nationalId=plain")))
                .get(0).get("National ID");
        List<String> omittedHeader = parse(Api.text(api.get("admin", "/api/leads/export?nationalId=omitted")))
                .get(0).getParser().getHeaderNames();

        assertThat(encrypted).startsWith("enc:v1:k1:");
        assertThat(encryptor.decrypt(encrypted)).isEqualTo(zoe.nationalId());
        assertThat(plain).isEqualTo(zoe.nationalId());
        assertThat(omittedHeader).doesNotContain("National ID").contains("Full Name", "Phone Number");
    }

    @Test
    void aDownloadLeavesNoFileBehind() {
        HttpResponse<byte[]> response = api.get("admin", "/api/leads/export?format=json&search=Zo%C3%AB");
        String fileName = response.headers().firstValue("Content-Disposition").orElseThrow()
                .replaceAll("attachment; filename=\"([^\"]+)\".*", "$1");

        // The file is removed once the response has been written, so just after the client has it.
        Path storage = properties.storage().directory();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (Stream<Path> files = Files.exists(storage) ? Files.walk(storage) : Stream.empty()) {
                assertThat(files.map(f -> f.getFileName().toString())).doesNotContain(fileName, "." + fileName + ".part");
            }
        });
    }

    @Test
    void previewShowsTheCountAndFirstRowsAsTheyWouldBeExported() throws IOException {
        HttpResponse<byte[]> response = api.post("manager", "/api/leads/export/preview",
                "{\"fields\": [\"fullName\", \"nationalId\", \"createdAt\"], \"filter\": {\"status\": [\"contacted\", \"lost\"]}}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode preview = new ObjectMapper().readTree(response.body());
        assertThat(preview.get("count").asLong()).isEqualTo(2);
        assertThat(preview.get("fields").findValuesAsText("label")).containsExactly("Full Name", "National ID", "Created Date");
        assertThat(preview.get("rows").get(0).get(0).asText()).isEqualTo("Zoë 王伟 محمد 🦊");
        assertThat(preview.get("rows").get(0).get(1).asText()).isEqualTo("**-**-*4-56-C");
        assertThat(preview.get("rows").get(0).get(2).asText()).isEqualTo("2024-03-05 12:30:00");
        assertThat(api.post("manager", "/api/leads/export/preview", "{\"nationalId\": \"plain\"}").statusCode())
                .isEqualTo(403);
        assertThat(api.post("manager", "/api/leads/export/preview", "{\"format\": \"doc\"}").statusCode())
                .isEqualTo(400);
    }

    private List<String> names(String query) throws IOException {
        return parse(Api.text(api.get("admin", "/api/leads/export?fields=fullName&" + query))).stream()
                .map(r -> r.get("Full Name")).toList();
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }
}
