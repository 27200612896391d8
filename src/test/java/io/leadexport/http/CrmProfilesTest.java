package io.leadexport.http;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;
import io.leadexport.support.TestLeads.Lead;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM profile templates end to end: the file each writes, read back by a real reader and checked against the
 * header set and required fields the README documents for its CRM.
 */
@EndToEndTest
class CrmProfilesTest {

    static final List<String> SALESFORCE_HEADERS = List.of("First Name", "Last Name", "Company", "Email", "Phone",
            "Street", "City", "State/Province", "Zip/Postal Code", "Country", "Lead Status", "Lead Source",
            "Description", "Policy_of_Interest__c", "Preferred_Contact_Time__c", "Conversation_URL__c",
            "Lead_Created_Date__c", "Lead_Updated_Date__c");
    static final List<String> HUBSPOT_HEADERS = List.of("Email", "First Name", "Last Name", "Phone Number",
            "Street Address", "City", "State/Region", "Postal Code", "Country/Region", "Lifecycle Stage",
            "Lead Status", "Message", "Policy of Interest", "Preferred Contact Time", "Conversation Link",
            "Lead Created Date", "Lead Updated Date");
    static final Set<String> SALESFORCE_STATUSES = Set.of("Open - Not Contacted", "Working - Contacted",
            "Closed - Converted", "Closed - Not Converted");
    static final Set<String> HUBSPOT_STAGES = Set.of("Subscriber", "Lead", "Marketing Qualified Lead",
            "Sales Qualified Lead", "Opportunity", "Customer", "Evangelist", "Other");
    static final Pattern SALESFORCE_DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
    static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    static final Instant T0 = Instant.parse("2024-03-05T17:30:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    TestLeads leads;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        leads = new TestLeads(jdbc);
        leads.deleteAll();
        List<Lead> all = new ArrayList<>(TestLeads.hardCases(T0));
        all.add(TestLeads.plain("李小龙", T0.plusSeconds(10)).withPolicy(" AUTO "));
        all.add(TestLeads.plain("Ludwig van der Berg", T0.plusSeconds(11)).withPolicy("auto"));
        all.add(TestLeads.plain("   ", T0.plusSeconds(12)).withStatus("converted"));
        leads.insert(all);
    }

    @Test
    void salesforceCsvHasTheWizardsHeadersAndEveryLeadHasLastNameAndCompany() throws Exception {
        HttpResponse<byte[]> response = api.get("admin", "/api/leads/export?template=salesforce");
        assertThat(response.statusCode()).as(Api.text(response)).isEqualTo(200);

        try (CSVParser csv = CSVParser.parse(new StringReader(Api.text(response)),
                CSVFormat.RFC4180.builder().setHeader().get())) {
            assertThat(csv.getHeaderNames()).containsExactlyElementsOf(SALESFORCE_HEADERS);
            List<CSVRecord> rows = csv.getRecords();
            assertThat(rows).hasSize(7);
            for (CSVRecord row : rows) {
                assertThat(row.get("Last Name")).as("required by Salesforce").isNotBlank();
                assertThat(row.get("Company")).as("required by Salesforce").isNotBlank();
                assertThat(row.get("Lead Status")).isIn(SALESFORCE_STATUSES);
                assertThat(row.get("Lead Source")).isEqualTo("Web");
                assertThat(row.get("Lead_Created_Date__c")).matches(SALESFORCE_DATE);
            }
            CSVRecord bruce = byCompany(rows, "李小龙");
            assertThat(bruce.get("Last Name")).as("a name that can't be split goes whole into Last Name")
                    .isEqualTo("李小龙");
            assertThat(bruce.get("First Name")).isEmpty();
            assertThat(bruce.get("Phone")).matches(E164).isEqualTo("+14155550132");
            assertThat(bruce.get("Street")).isEqualTo("1 Market St\nSuite 5");
            assertThat(bruce.get("Email")).isEqualTo("jane.doe@example.com");
            assertThat(bruce.get("Policy_of_Interest__c")).isEqualTo("Auto");
            // 17:30:10 UTC in the export zone, New York (EST in March before the switch): no colon in the offset.
            assertThat(bruce.get("Lead_Created_Date__c")).isEqualTo("2024-03-05T12:30:10.000-0500");
            CSVRecord ludwig = byCompany(rows, "Ludwig van der Berg");
            assertThat(ludwig.get("First Name")).isEqualTo("Ludwig");
            assertThat(ludwig.get("Last Name")).isEqualTo("van der Berg");
            assertThat(ludwig.get("Policy_of_Interest__c")).as("one spelling").isEqualTo("Auto");
            CSVRecord formula = rows.stream().filter(r -> r.get("Company").contains("HYPERLINK")).findFirst()
                    .orElseThrow();
            assertThat(formula.get("Company")).as("the formula guard stays on").startsWith("'=HYPERLINK(");
            assertThat(formula.get("Description")).isEqualTo("'+SUM(A1:A2)");
            assertThat(formula.get("Lead Status")).isEqualTo("Working - Contacted");
            assertThat(formula.get("Policy_of_Interest__c")).isEqualTo("Life");
            CSVRecord nameless = rows.stream().filter(r -> r.get("Lead Status").equals("Closed - Converted")
                    && r.get("Email").equals("jane.doe@example.com")).findFirst().orElseThrow();
            assertThat(nameless.get("Last Name")).isEqualTo("[not provided]");
            assertThat(nameless.get("Company")).isEqualTo("[not provided]");
            CSVRecord obrien = byCompany(rows, "O'Brien, \"Ace\"");
            assertThat(obrien.get("Last Name")).as("'Last, First' is read as written").isEqualTo("O'Brien");
        }
    }

    @Test
    void hubspotXlsxHasTheContactPropertiesAndLabelsRenameItsHeaders() throws Exception {
        JsonNode job = new Jobs(api).start("admin", """
                {"template": "hubspot", "format": "xlsx", "labels": {"policyOfInterest": "Insurance Line"}}""");
        JsonNode done = new Jobs(api).awaitFinished("admin", job.get("id").asText(), java.time.Duration.ofSeconds(30));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
        HttpResponse<byte[]> file = api.get("admin", done.get("file").get("downloadUrl").asText());

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheet("Leads");
            DataFormatter text = new DataFormatter();
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(text.formatCellValue(cell)));
            List<String> expected = new ArrayList<>(HUBSPOT_HEADERS);
            expected.set(expected.indexOf("Policy of Interest"), "Insurance Line");
            assertThat(headers).containsExactlyElementsOf(expected);
            int stage = headers.indexOf("Lifecycle Stage");
            int email = headers.indexOf("Email");
            int last = headers.indexOf("Last Name");
            int phone = headers.indexOf("Phone Number");
            List<String> emails = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                assertThat(text.formatCellValue(row.getCell(stage))).isIn(HUBSPOT_STAGES);
                emails.add(text.formatCellValue(row.getCell(email)));
                if ("李小龙".equals(text.formatCellValue(row.getCell(last)))) {
                    assertThat(text.formatCellValue(row.getCell(phone))).matches(E164);
                }
            }
            assertThat(emails).as("HubSpot deduplicates on Email: lower-cased, trimmed").contains("zoe@example.org",
                    "jane.doe@example.com");
            assertThat(sheet.getLastRowNum()).isEqualTo(7);
        }
    }

    @Test
    void labelsRenameTheHeadersOfCsvAndText() {
        JsonNode job = new Jobs(api).start("admin", """
                {"template": "basic", "format": "text", "labels": {"fullName": "Name", "createdAt": "Captured"}}""");
        JsonNode done = new Jobs(api).awaitFinished("admin", job.get("id").asText(), java.time.Duration.ofSeconds(30));
        String report = Api.text(api.get("admin", done.get("file").get("downloadUrl").asText()));

        assertThat(report).contains("\nName:").contains("\nCaptured:").doesNotContain("Full Name:");
        HttpResponse<byte[]> plain = api.get("admin", "/api/leads/export?template=basic");
        assertThat(Api.text(plain)).startsWith("Full Name,");
        JsonNode csvJob = new Jobs(api).start("admin", """
                {"template": "basic", "labels": {"fullName": "Name"}}""");
        JsonNode csvDone = new Jobs(api).awaitFinished("admin", csvJob.get("id").asText(), java.time.Duration.ofSeconds(30));
        assertThat(Api.text(api.get("admin", csvDone.get("file").get("downloadUrl").asText())))
                .startsWith("Name,Phone Number,Email,Status,Created Date\r\n");
    }

    @Test
    void aSalesforceFileOverTheWizardsLimitIsStillWrittenWithAWarning() throws Exception {
        leads.deleteAll();
        jdbc.update("insert into leads (full_name, email, status) select 'Lead ' || g, 'lead' || g || '@example.com', "
                + "'new' from generate_series(1, 50001) g");

        JsonNode job = new Jobs(api).start("admin", "{\"template\": \"salesforce\", \"format\": \"json\"}");
        JsonNode done = new Jobs(api).awaitFinished("admin", job.get("id").asText(), java.time.Duration.ofSeconds(120));

        assertThat(done.get("status").asText()).isEqualTo("succeeded");
        assertThat(done.get("progress").get("processed").asLong()).isEqualTo(50001);
        assertThat(done.get("warnings").get(0).asText()).contains("at most 50,000 records").contains("50001");
        JsonNode file = new ObjectMapper().readTree(api.get("admin", done.get("file").get("downloadUrl").asText()).body());
        assertThat(file.get("export").get("warning").asText()).contains("at most 50,000 records");
        assertThat(file.get("leads")).hasSize(50001);
    }

    private static CSVRecord byCompany(List<CSVRecord> rows, String company) {
        return rows.stream().filter(r -> r.get("Company").equals(company)).findFirst().orElseThrow(
                () -> new AssertionError("no row with Company " + company));
    }
}
