package io.leadexport.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.leadexport.record.ConversationRef;
import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportFormat;
import io.leadexport.request.LeadField;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.leadexport.format.Exports.column;
import static io.leadexport.format.Exports.description;
import static io.leadexport.format.Exports.lead;
import static io.leadexport.format.Exports.leads;
import static io.leadexport.format.Exports.request;
import static io.leadexport.format.Exports.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxLeadWriterTest {

    private static final ExportDescription FULL = description(request(ExportFormat.XLSX, ExportFilter.NONE), 3);

    @TempDir
    Path poiTemp;

    @BeforeEach
    void isolatePoiTempFiles() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
    }

    @AfterEach
    void restorePoiTempFiles() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    @Test
    void writesHeaderLabelsInBoldOnSheetLeads() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, leads(1))) {
            Row header = workbook.getSheet("Leads").getRow(0);

            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Lead ID");
            assertThat(header.getCell(13).getStringCellValue()).isEqualTo("Conversation Link");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        }
    }

    @Test
    void freezesTheHeaderRow() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, leads(1))) {
            var pane = workbook.getSheet("Leads").getPaneInformation();

            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 0);
        }
    }

    @Test
    void putsAnAutofilterOnTheHeaderOverTheRows() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, leads(3))) {
            XSSFSheet sheet = workbook.getSheet("Leads");

            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:N4");
        }
    }

    @Test
    void coversEveryRowWithTheAutofilterOnceRowsAreFlushedToDisk() throws IOException {
        try (XSSFWorkbook workbook = read(write(FULL, leads(250), 150))) {
            assertThat(workbook.getSheet("Leads").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:N151");
            assertThat(workbook.getSheet("Leads (2)").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:N101");
        }
    }

    @Test
    void writesDatesAsDateCellsInTheirOwnOffset() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, leads(1))) {
            Cell created = workbook.getSheet("Leads").getRow(1).getCell(column(LeadField.CREATED_AT));

            assertThat(created.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(created)).isTrue();
            assertThat(created.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
            assertThat(created.getLocalDateTimeCellValue()).isEqualTo(Exports.CREATED_AT.toLocalDateTime());
        }
    }

    @Test
    void writesPhoneNumbersAndIdsAsText() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, leads(1))) {
            Row row = workbook.getSheet("Leads").getRow(1);

            assertThat(row.getCell(column(LeadField.PHONE)).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(column(LeadField.PHONE)).getStringCellValue()).isEqualTo("+1 415-555-0132");
            assertThat(row.getCell(column(LeadField.LEAD_ID)).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(column(LeadField.NATIONAL_ID)).getStringCellValue()).isEqualTo("***-**-6789");
        }
    }

    @Test
    void linksTheConversationIdToItsConversation() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, leads(1))) {
            Cell conversation = workbook.getSheet("Leads").getRow(1).getCell(column(LeadField.CONVERSATION_ID));

            assertThat(conversation.getStringCellValue()).isEqualTo("conv-1");
            assertThat(conversation.getHyperlink().getType()).isEqualTo(HyperlinkType.URL);
            assertThat(conversation.getHyperlink().getAddress()).isEqualTo(Exports.CONVERSATION_URL);
        }
    }

    @Test
    void stylesHyperlinksBlueAndUnderlined() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, leads(1))) {
            Cell conversation = workbook.getSheet("Leads").getRow(1).getCell(column(LeadField.CONVERSATION_ID));
            Font font = workbook.getFontAt(conversation.getCellStyle().getFontIndex());

            assertThat(font.getUnderline()).isEqualTo(Font.U_SINGLE);
            assertThat(font.getColor()).isEqualTo(IndexedColors.BLUE.getIndex());
        }
    }

    @Test
    void linksEveryConversationIdOfAnExportOverSeveralSheets() throws IOException {
        List<Object[]> records = new ArrayList<>();
        for (int i = 1; i <= 3_000; i++) {
            records.add(conversation("c" + i));
        }
        ExportDescription description = description(request(ExportFormat.XLSX, LeadField.CONVERSATION_ID), 3_000);

        try (XSSFWorkbook workbook = read(write(description, records, 2_000))) {
            assertThat(workbook.getSheet("Leads").getHyperlinkList()).hasSize(2_000);
            assertThat(workbook.getSheet("Leads (2)").getHyperlinkList()).hasSize(1_000);
            for (String name : List.of("Leads", "Leads (2)")) {
                Sheet sheet = workbook.getSheet(name);
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    Cell cell = sheet.getRow(i).getCell(0);
                    assertThat(cell.getHyperlink().getAddress())
                            .isEqualTo("https://chat.example.com/conversations/" + cell.getStringCellValue());
                }
            }
            assertThat(infoValues(workbook)).noneMatch(value -> value.contains("hyperlinks"));
        }
    }

    @Test
    void writesSheetsThatExcelsSchemaAccepts(@TempDir Path folder) throws IOException, XmlException {
        Path xlsx = Files.write(folder.resolve("leads.xlsx"), write(FULL, leads(300), 200));

        List<String> sheets = new ArrayList<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().matches("xl/worksheets/sheet\\d+\\.xml")) {
                    List<XmlError> errors = new ArrayList<>();
                    WorksheetDocument sheet = WorksheetDocument.Factory.parse(zip.getInputStream(entry));
                    assertThat(sheet.validate(new XmlOptions().setErrorListener(errors)))
                            .as("%s: %s", entry.getName(), errors.stream().limit(3).toList()).isTrue();
                    sheets.add(entry.getName());
                }
            }
        }
        assertThat(sheets).hasSize(3);
    }

    @Test
    void keepsTheMarkupCharactersOfALinkAddress() throws IOException {
        String url = "https://crm.example.com/c?id=7&tab='notes'";
        try (XSSFWorkbook workbook = export(description(request(ExportFormat.XLSX, LeadField.CONVERSATION_ID), 2),
                List.of(conversation("a"), conversationAt(url)))) {
            assertThat(workbook.getSheet("Leads").getRow(2).getCell(0).getHyperlink().getAddress()).isEqualTo(url);
        }
    }

    @Test
    void writesAnIdWhoseUrlExcelCannotOpenAsPlainText() throws IOException {
        String tooLong = "https://chat.example.com/" + "x".repeat(XlsxLinks.MAX_URL_LENGTH);
        List<Object[]> records = List.of(conversation("a"), conversationAt(tooLong), conversationAt("https://x/a b"));

        try (XSSFWorkbook workbook = export(description(request(ExportFormat.XLSX, LeadField.CONVERSATION_ID), 3),
                records)) {
            Sheet leads = workbook.getSheet("Leads");

            assertThat(leads.getRow(1).getCell(0).getHyperlink()).isNotNull();
            assertThat(leads.getRow(2).getCell(0).getHyperlink()).isNull();
            assertThat(leads.getRow(2).getCell(0).getStringCellValue()).isEqualTo("id");
            assertThat(leads.getRow(3).getCell(0).getHyperlink()).isNull();
            assertThat(infoValues(workbook)).noneMatch(value -> value.contains("hyperlinks"));
        }
    }

    @Test
    void writesConversationIdsPastASheetsLinkLimitAsPlainText() throws IOException {
        ExportDescription description = description(request(ExportFormat.XLSX, LeadField.CONVERSATION_ID), 3);
        List<Object[]> records = List.of(conversation("a"), conversation("b"), conversation("c"));

        try (XSSFWorkbook workbook = read(write(description, records, 1_048_575, 2))) {
            Sheet leads = workbook.getSheet("Leads");

            assertThat(leads.getRow(2).getCell(0).getHyperlink()).isNotNull();
            assertThat(leads.getRow(3).getCell(0).getHyperlink()).isNull();
            assertThat(leads.getRow(3).getCell(0).getStringCellValue()).isEqualTo("c");
            assertThat(infoValues(workbook)).contains("Excel keeps at most 2 hyperlinks in a sheet: 1 conversation"
                    + " ID(s) past that are plain text (the conversationUrl field gives every URL).");
        }
    }

    @Test
    void startsTheLinkLimitAfreshOnEverySheet() throws IOException {
        ExportDescription description = description(request(ExportFormat.XLSX, LeadField.CONVERSATION_ID), 4);
        List<Object[]> records = List.of(conversation("a"), conversation("b"), conversation("c"), conversation("d"));

        try (XSSFWorkbook workbook = read(write(description, records, 2, 1))) {
            for (String name : List.of("Leads", "Leads (2)")) {
                Sheet sheet = workbook.getSheet(name);
                assertThat(sheet.getRow(1).getCell(0).getHyperlink()).as(name).isNotNull();
                assertThat(sheet.getRow(2).getCell(0).getHyperlink()).as(name).isNull();
            }
            assertThat(infoValues(workbook)).anyMatch(value -> value.contains(": 2 conversation ID(s) past that"));
        }
    }

    @Test
    void quotePrefixesFormulaLikeTextWithoutChangingIt() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, rows(lead("=HYPERLINK(\"http://evil\")", "+1 call me")))) {
            Row row = workbook.getSheet("Leads").getRow(1);
            Cell name = row.getCell(column(LeadField.FULL_NAME));
            Cell notes = row.getCell(column(LeadField.NOTES));

            assertThat(name.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(notes.getStringCellValue()).isEqualTo("+1 call me");
            assertThat(notes.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void quotePrefixesFormattedPhoneNumbersSoAnEditKeepsThemText() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, leads(1))) {
            Cell phone = workbook.getSheet("Leads").getRow(1).getCell(column(LeadField.PHONE));

            assertThat(phone.getStringCellValue()).isEqualTo("+1 415-555-0132");
            assertThat(phone.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void leavesOrdinaryTextWithoutQuotePrefix() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, leads(1))) {
            Cell name = workbook.getSheet("Leads").getRow(1).getCell(column(LeadField.FULL_NAME));

            assertThat(name.getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void neverWritesAFormulaCell() throws IOException {
        List<Object[]> records = rows(lead("=1+1", "@SUM(A1:A2)"), lead("-2+3", "\tcmd"), lead("＝1", "\rx"));

        try (XSSFWorkbook workbook = export(FULL, records)) {
            assertThat(allCells(workbook)).isNotEmpty().noneMatch(c -> c.getCellType() == CellType.FORMULA);
        }
    }

    @Test
    void keepsUnicodeQuotesCommasAndNewlines() throws IOException {
        String notes = "Said \"call me\", then left.\r\nSecond line, 😀\nThird: «ok»";

        try (XSSFWorkbook workbook = export(FULL, rows(lead("Zoë 王伟 محمد", notes)))) {
            Row row = workbook.getSheet("Leads").getRow(1);

            assertThat(row.getCell(column(LeadField.FULL_NAME)).getStringCellValue()).isEqualTo("Zoë 王伟 محمد");
            assertThat(row.getCell(column(LeadField.NOTES)).getStringCellValue()).isEqualTo(notes);
        }
    }

    @Test
    void leavesNullAndEmptyValuesBlank() throws IOException {
        Object[] record = lead("Nobody", null);
        record[column(LeadField.EMAIL)] = "";
        record[column(LeadField.CREATED_AT)] = null;
        record[column(LeadField.CONVERSATION_ID)] = null;

        try (XSSFWorkbook workbook = export(FULL, rows(record))) {
            Row row = workbook.getSheet("Leads").getRow(1);

            assertThat(row.getCell(column(LeadField.NOTES))).isNull();
            assertThat(row.getCell(column(LeadField.EMAIL))).isNull();
            assertThat(row.getCell(column(LeadField.CREATED_AT))).isNull();
            assertThat(row.getCell(column(LeadField.CONVERSATION_ID))).isNull();
        }
    }

    @Test
    void keepsAFiveThousandCharacterNoteWhole() throws IOException {
        String note = Exports.longNote(5_000);

        try (XSSFWorkbook workbook = export(FULL, rows(lead("Long", note)))) {
            assertThat(workbook.getSheet("Leads").getRow(1).getCell(column(LeadField.NOTES)).getStringCellValue())
                    .isEqualTo(note);
        }
    }

    @Test
    void cutsTextLongerThanACellHoldsAndSaysSo() throws IOException {
        String note = "x".repeat(40_000);

        try (XSSFWorkbook workbook = export(FULL, rows(lead("Long", note)))) {
            String written = workbook.getSheet("Leads").getRow(1).getCell(column(LeadField.NOTES)).getStringCellValue();

            assertThat(written).isEqualTo("x".repeat(32_767));
            assertThat(infoValues(workbook)).anyMatch(v -> v.startsWith("1 value(s) longer than Excel's 32767"));
        }
    }

    @Test
    void neverCutsASurrogatePairInHalf() throws IOException {
        String note = "x".repeat(32_766) + "😀" + "tail";

        try (XSSFWorkbook workbook = export(FULL, rows(lead("Emoji", note)))) {
            String written = workbook.getSheet("Leads").getRow(1).getCell(column(LeadField.NOTES)).getStringCellValue();

            assertThat(written).isEqualTo("x".repeat(32_766));
        }
    }

    @Test
    void continuesOnNumberedSheetsWhenASheetIsFull() throws IOException {
        try (XSSFWorkbook workbook = read(write(FULL, leads(7), 3))) {
            assertThat(sheetNames(workbook)).containsExactly("Leads", "Leads (2)", "Leads (3)", "Export Info");
            assertThat(names(workbook.getSheet("Leads"))).containsExactly("Lead 1", "Lead 2", "Lead 3");
            assertThat(names(workbook.getSheet("Leads (2)"))).containsExactly("Lead 4", "Lead 5", "Lead 6");
            assertThat(names(workbook.getSheet("Leads (3)"))).containsExactly("Lead 7");
        }
    }

    @Test
    void givesEveryContinuationSheetTheHeaderFreezeAndFilter() throws IOException {
        try (XSSFWorkbook workbook = read(write(FULL, leads(7), 3))) {
            XSSFSheet third = workbook.getSheet("Leads (3)");

            assertThat(third.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Full Name");
            assertThat(workbook.getFontAt(third.getRow(0).getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(third.getPaneInformation().isFreezePane()).isTrue();
            assertThat(third.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:N2");
        }
    }

    @Test
    void startsNoEmptySheetWhenTheRowsFillTheLastOneExactly() throws IOException {
        try (XSSFWorkbook workbook = read(write(FULL, leads(6), 3))) {
            assertThat(sheetNames(workbook)).containsExactly("Leads", "Leads (2)", "Export Info");
        }
    }

    @Test
    void describesTheExportOnTheExportInfoSheet() throws IOException {
        ExportDescription description = description(request(ExportFormat.XLSX, Exports.FILTER), 42);

        try (XSSFWorkbook workbook = export(description, leads(1))) {
            Sheet info = workbook.getSheet("Export Info");

            assertThat(infoRow(info, "Generated at")).isEqualTo("2024-01-15 14:30:22 +02:00");
            assertThat(infoRow(info, "Generated by")).isEqualTo("alice");
            assertThat(infoRow(info, "Filter")).isEqualTo("{\"status\":[\"new\"],\"policy\":[\"Auto\"],"
                    + "\"createdFrom\":\"2024-01-08\",\"createdTo\":\"2024-01-14\",\"search\":\"smith\"}");
            assertThat(infoRow(info, "Fields")).startsWith("leadId, fullName, phone,").endsWith("conversationUrl");
            assertThat(infoRow(info, "Template")).isEqualTo("full");
            assertThat(infoRow(info, "Format")).isEqualTo("xlsx");
            assertThat(infoRow(info, "National ID policy")).isEqualTo("masked");
            assertThat(infoCell(info, "Count").getNumericCellValue()).isEqualTo(42);
        }
    }

    @Test
    void saysNoneForTheFilterOfAnUnfilteredExport() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, leads(1))) {
            assertThat(infoRow(workbook.getSheet("Export Info"), "Filter")).isEqualTo("none");
        }
    }

    @Test
    void saysWhenTheRequestChoseItsOwnFields() throws IOException {
        ExportDescription description = description(request(ExportFormat.XLSX, LeadField.EMAIL), 1);

        try (XSSFWorkbook workbook = read(write(description, rows(new Object[] {"a@b.c"}), 10))) {
            assertThat(infoRow(workbook.getSheet("Export Info"), "Template"))
                    .isEqualTo("full (fields chosen by the request)");
            assertThat(infoRow(workbook.getSheet("Export Info"), "Fields")).isEqualTo("email");
        }
    }

    @Test
    void widensColumnsToTheSampledValuesWithinLimits() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, rows(lead("Al", Exports.longNote(500))))) {
            Sheet leads = workbook.getSheet("Leads");

            assertThat(leads.getColumnWidth(column(LeadField.NOTES))).isEqualTo(60 * 256);
            assertThat(leads.getColumnWidth(column(LeadField.STATUS))).isEqualTo(9 * 256);
            assertThat(leads.getColumnWidth(column(LeadField.CREATED_AT))).isEqualTo(22 * 256);
        }
    }

    @Test
    void writesAHeaderOnlySheetWhenThereAreNoLeads() throws IOException {
        try (XSSFWorkbook workbook = export(FULL, List.of())) {
            XSSFSheet leads = workbook.getSheet("Leads");

            assertThat(leads.getLastRowNum()).isZero();
            assertThat(leads.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:N1");
        }
    }

    @Test
    void deletesItsTemporaryFilesAfterFinishing() throws IOException {
        try (LeadWriter writer = new XlsxLeadWriter(new ByteArrayOutputStream(), FULL, 100)) {
            writer.begin();
            writer.write(leads(250));
            assertThat(poiTempFiles()).isNotEmpty();
            writer.finish();
        }

        assertThat(poiTempFiles()).isEmpty();
    }

    @Test
    void deletesItsTemporaryFilesWhenClosedWithoutFinishing() throws IOException {
        LeadWriter writer = new XlsxLeadWriter(new ByteArrayOutputStream(), FULL, 3);
        writer.begin();
        writer.write(leads(250));

        writer.close();

        assertThat(poiTempFiles()).isEmpty();
    }

    @Test
    void deletesItsTemporaryFilesWhenTheOutputFails() throws IOException {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        LeadWriter writer = new XlsxLeadWriter(failing, FULL, 100);
        writer.begin();
        writer.write(leads(250));

        assertThatThrownBy(writer::finish).isInstanceOf(IOException.class);
        writer.close();

        assertThat(poiTempFiles()).isEmpty();
    }

    @Test
    void doesNotCloseTheStreamItWritesTo() throws IOException {
        boolean[] closed = {false};
        OutputStream out = new FilterOutputStream(new ByteArrayOutputStream()) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        try (LeadWriter writer = new XlsxLeadWriter(out, FULL, 100)) {
            writer.begin();
            writer.write(leads(2));
            writer.finish();
        }

        assertThat(closed[0]).isFalse();
    }

    @Test
    void refusesMoreRowsPerSheetThanExcelHolds() {
        assertThatThrownBy(() -> new XlsxLeadWriter(new ByteArrayOutputStream(), FULL, 1_048_576))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Object[] conversation(String id) {
        return new Object[] {new ConversationRef(id, "https://chat.example.com/conversations/" + id)};
    }

    private static Object[] conversationAt(String url) {
        return new Object[] {new ConversationRef("id", url)};
    }

    private static XSSFWorkbook export(ExportDescription description, List<Object[]> records) throws IOException {
        return read(write(description, records, 1_048_575));
    }

    private static byte[] write(ExportDescription description, List<Object[]> records, int rowsPerSheet)
            throws IOException {
        return write(description, records, rowsPerSheet, XlsxLinks.MAX_PER_SHEET);
    }

    private static byte[] write(ExportDescription description, List<Object[]> records, int rowsPerSheet,
                                int linksPerSheet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LeadWriter writer = new XlsxLeadWriter(out, description, rowsPerSheet, linksPerSheet)) {
            writer.begin();
            writer.write(records);
            writer.finish();
        }
        return out.toByteArray();
    }

    private static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.sheetIterator().forEachRemaining(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<String> names(Sheet sheet) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            names.add(sheet.getRow(i).getCell(column(LeadField.FULL_NAME)).getStringCellValue());
        }
        return names;
    }

    private static List<Cell> allCells(XSSFWorkbook workbook) {
        List<Cell> cells = new ArrayList<>();
        workbook.sheetIterator().forEachRemaining(sheet -> sheet.forEach(row -> row.forEach(cells::add)));
        return cells;
    }

    private static Cell infoCell(Sheet info, String label) {
        for (Row row : info) {
            if (row.getCell(0).getStringCellValue().equals(label)) {
                return row.getCell(1);
            }
        }
        throw new AssertionError("no row " + label + " on " + info.getSheetName());
    }

    private static String infoRow(Sheet info, String label) {
        return infoCell(info, label).getStringCellValue();
    }

    private static List<String> infoValues(XSSFWorkbook workbook) {
        List<String> values = new ArrayList<>();
        for (Row row : workbook.getSheet("Export Info")) {
            Cell value = row.getCell(1);
            if (value != null && value.getCellType() == CellType.STRING) {
                values.add(value.getStringCellValue());
            }
        }
        return values;
    }

    private List<File> poiTempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(poiTemp)) {
            return files.filter(Files::isRegularFile).map(Path::toFile).toList();
        }
    }
}
