package io.leadexport.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;
import io.leadexport.support.TestLeads.Lead;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** XLSX and text through the same pipeline and the same HTTP paths as CSV and JSON, read back by real readers. */
@EndToEndTest
class HttpFormatsTest {

    private static final Instant T0 = Instant.parse("2024-03-05T17:30:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    List<Lead> hardCases;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        hardCases = TestLeads.hardCases(T0);
        leads.insert(hardCases);
    }

    @Test
    void xlsxDownloadHasTypedCellsLinksAndExportInfo() throws IOException {
        HttpResponse<byte[]> response = api.get("admin", "/api/leads/export?format=xlsx&status=contacted,qualified,lost,converted");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("_status-contacted-qualified-lost-converted_").contains(".xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Leads");
            assertThat(workbook.getSheetName(workbook.getNumberOfSheets() - 1)).isEqualTo("Export Info");
            Sheet leads = workbook.getSheet("Leads");
            Row header = leads.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Full Name");
            assertThat(workbook.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(leads.getPaneInformation().isFreezePane()).isTrue();

            Row zoe = leads.getRow(1);
            assertThat(zoe.getCell(1).getStringCellValue()).isEqualTo("Zoë 王伟 محمد 🦊");
            assertThat(zoe.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(zoe.getCell(2).getStringCellValue()).isEqualTo("+44 20 7946 0958");
            assertThat(zoe.getCell(8).getStringCellValue()).isEqualTo("Line one\nLine \"two\", with comma\r\nLine three");
            Cell created = zoe.getCell(10);
            assertThat(created.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(created)).isTrue();
            assertThat(created.getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.ofInstant(T0, ZoneId.of("America/New_York")));
            Cell conversation = zoe.getCell(12);
            assertThat(conversation.getStringCellValue()).isEqualTo("conv/ü 1");
            assertThat(conversation.getHyperlink().getAddress())
                    .isEqualTo("https://chat.example.com/conversations/conv%2F%C3%BC%201");

            Row formula = leads.getRow(2);
            assertThat(formula.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
            assertThat(formula.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            assertThat(leads.getRow(4).getCell(8).getStringCellValue()).isEqualTo("Lorem, \"ipsum\"\n".repeat(2000));
            assertThat(leads.getLastRowNum()).isEqualTo(4);

            String info = sheetText(workbook.getSheet("Export Info"));
            assertThat(info).contains("admin").contains("masked").contains("contacted");
        }
    }

    @Test
    void textReportHoldsEveryLeadReadableIn80Columns() {
        HttpResponse<byte[]> response = api.get("admin", "/api/leads/export?format=text");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        String text = Api.text(response);
        assertThat(text).contains("Zoë 王伟 محمد 🦊", "O'Brien, \"Ace\"", "'=HYPERLINK(\"http://evil\",\"x\")",
                "+44 20 7946 0958", "**-**-*4-56-C", "2024-03-05 12:30:00", "Line three", "'@mention -- and");
        assertThat(text).doesNotContain("\r\n");
        assertThat(text.lines().filter(line -> !line.isBlank())
                .filter(line -> line.codePointCount(0, line.length()) > 80)).isEmpty();
        assertThat(text.split("Lorem,", -1)).hasSize(2001);
    }

    @Test
    void xlsxAndTextRunAsBackgroundJobsToo() throws IOException {
        Jobs jobs = new Jobs(api);
        String xlsx = jobs.start("admin", "{\"format\": \"xlsx\", \"template\": \"basic\"}").get("id").asText();
        String text = jobs.start("admin", "{\"format\": \"text\", \"template\": \"crm\"}").get("id").asText();

        var xlsxJob = jobs.awaitFinished("admin", xlsx, Duration.ofSeconds(30));
        var textJob = jobs.awaitFinished("admin", text, Duration.ofSeconds(30));

        assertThat(xlsxJob.get("file").get("name").asText()).matches("leads_export_basic_.*\\.xlsx");
        assertThat(textJob.get("file").get("name").asText()).matches("leads_export_crm_.*\\.txt");
        byte[] workbookBytes = api.get("admin", xlsxJob.get("file").get("downloadUrl").asText()).body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(workbookBytes))) {
            assertThat(workbook.getSheet("Leads").getLastRowNum()).isEqualTo(4);
            // The job stored the request with its fields listed: the file still says only the template was chosen.
            assertThat(sheetText(workbook.getSheet("Export Info"))).contains("Template\tbasic\t")
                    .doesNotContain("fields chosen by the request");
        }
        String report = Api.text(api.get("admin", textJob.get("file").get("downloadUrl").asText()));
        assertThat(report).contains("+442079460958").contains("Zoë 王伟 محمد 🦊");
        assertThat(report.lines().filter(line -> line.startsWith("Fields")).findFirst().orElseThrow())
                .endsWith(String.join(", ", io.leadexport.request.RequestSummary.fieldKeys(
                        io.leadexport.request.ExportTemplate.CRM.fields())));
    }

    @Test
    void aBackgroundXlsxWithChosenFieldsSaysSoInItsExportInfo() throws IOException {
        Jobs jobs = new Jobs(api);
        String id = jobs.start("admin", "{\"format\": \"xlsx\", \"template\": \"basic\", "
                + "\"fields\": [\"email\", \"fullName\"]}").get("id").asText();

        var job = jobs.awaitFinished("admin", id, Duration.ofSeconds(30));

        byte[] workbookBytes = api.get("admin", job.get("file").get("downloadUrl").asText()).body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(workbookBytes))) {
            assertThat(workbook.getSheet("Leads").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Email");
            assertThat(sheetText(workbook.getSheet("Export Info")))
                    .contains("Template\tbasic (fields chosen by the request)\t");
        }
    }

    private static String sheetText(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                text.append(cell.getCellType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue())
                        : cell.getStringCellValue()).append('\t');
            }
            text.append('\n');
        }
        return text.toString();
    }
}
