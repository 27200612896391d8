package io.leadexport.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.leadexport.TestProperties;
import io.leadexport.record.ConversationRef;
import io.leadexport.record.FormattedPhone;
import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportFormat;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportTemplate;
import io.leadexport.request.LeadField;
import io.leadexport.request.NationalIdPolicy;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static io.leadexport.request.LeadField.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Writes CSV through {@link LeadWriters} and reads it back with Commons CSV, field by field. */
class CsvLeadWriterTest {

    private static final List<LeadField> FIELDS = List.of(FULL_NAME, PHONE, EMAIL, NOTES, CREATED_AT, CONVERSATION_ID);
    private static final OffsetDateTime GENERATED_AT =
            OffsetDateTime.of(2024, 1, 15, 14, 30, 22, 0, ZoneOffset.ofHours(-5));
    private static final CSVFormat READ_FORMAT =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private static ExportRequest request(boolean csvBom) {
        return new ExportRequest(ExportFormat.CSV, ExportTemplate.FULL, true, FIELDS, ExportFilter.NONE,
                NationalIdPolicy.MASKED, ExportRequest.DOWNLOAD, csvBom);
    }

    private static Object[] lead(String fullName, Object phone, String email, String notes) {
        return new Object[] {fullName, phone, email, notes, null, null};
    }

    /** begin, one write per chunk, finish, close: as the pipeline does. */
    private static byte[] write(ExportRequest request, List<List<Object[]>> chunks) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LeadWriter writer = new LeadWriters(TestProperties.defaults(FormatProperties.class)).open(out, new ExportDescription(request, GENERATED_AT, "alice", 0))) {
            writer.begin();
            for (List<Object[]> chunk : chunks) {
                writer.write(chunk);
            }
            writer.finish();
        }
        return out.toByteArray();
    }

    private static String writeText(Object[]... records) throws IOException {
        return new String(write(request(false), List.of(Arrays.asList(records))), StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> read(String csv) throws IOException {
        try (CSVParser parser = READ_FORMAT.parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    private static CSVRecord writeAndReadOne(Object[] record) throws IOException {
        List<CSVRecord> records = read(writeText(record));
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void theHeaderRowHoldsTheLabelsOfTheFields() throws IOException {
        String csv = writeText();

        assertThat(csv).isEqualTo("Full Name,Phone Number,Email,Notes,Created Date,Conversation ID\r\n");
    }

    @Test
    void theHeaderIsWrittenOnceWhateverTheNumberOfChunks() throws IOException {
        List<List<Object[]>> chunks = List.of(
                List.<Object[]>of(lead("Ada", null, null, null), lead("Bea", null, null, null)),
                List.<Object[]>of(lead("Cy", null, null, null)));

        String csv = new String(write(request(false), chunks), StandardCharsets.UTF_8);

        assertThat(csv.split("Full Name", -1)).hasSize(2);
        assertThat(read(csv)).extracting(r -> r.get("Full Name")).containsExactly("Ada", "Bea", "Cy");
    }

    @Test
    void recordsAreSeparatedByCrLf() throws IOException {
        String csv = writeText(lead("Ada", null, "ada@example.com", null), lead("Bea", null, null, null));

        assertThat(csv).isEqualTo("Full Name,Phone Number,Email,Notes,Created Date,Conversation ID\r\n"
                + "Ada,,ada@example.com,,,\r\n"
                + "Bea,,,,,\r\n");
    }

    @Test
    void thereIsNoByteOrderMarkUnlessAskedFor() throws IOException {
        byte[] csv = write(request(false), List.of());

        assertThat(new String(csv, 0, 9, StandardCharsets.UTF_8)).isEqualTo("Full Name");
    }

    @Test
    void aByteOrderMarkStartsTheFileWhenAskedFor() throws IOException {
        byte[] csv = write(request(true), List.of());

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, 9, StandardCharsets.UTF_8)).isEqualTo("Full Name");
    }

    @Test
    void unicodeNamesSurvive() throws IOException {
        CSVRecord record = writeAndReadOne(lead("Zoë 王小明 Ñúñez 😀", null, null, null));

        assertThat(record.get("Full Name")).isEqualTo("Zoë 王小明 Ñúñez 😀");
    }

    @Test
    void quotesAndCommasSurvive() throws IOException {
        CSVRecord record = writeAndReadOne(lead("O'Brien, Pat \"PJ\"", null, null, "said \"yes\", then \"no\""));

        assertThat(record.get("Full Name")).isEqualTo("O'Brien, Pat \"PJ\"");
        assertThat(record.get("Notes")).isEqualTo("said \"yes\", then \"no\"");
    }

    @Test
    void crLfAndLfNewlinesInsideNotesSurvive() throws IOException {
        String notes = "line one\r\nline two\nline three\n";

        CSVRecord record = writeAndReadOne(lead("Ada", null, null, notes));

        assertThat(record.get("Notes")).isEqualTo(notes);
        assertThat(record.get("Email")).isEmpty();
    }

    @Test
    void emptyAndNullValuesAreEmptyFields() throws IOException {
        CSVRecord record = writeAndReadOne(new Object[] {"", null, "", null, null, null});

        assertThat(record.size()).isEqualTo(FIELDS.size());
        assertThat(record.values()).containsOnly("");
    }

    @Test
    void aVeryLongNoteSurvives() throws IOException {
        String notes = "Lorem, \"ipsum\"\n".repeat(700).substring(0, 10_000);

        CSVRecord record = writeAndReadOne(lead("Ada", null, null, notes));

        assertThat(record.get("Notes")).hasSize(10_000).isEqualTo(notes);
    }

    @Test
    void formulaLikeTextIsPrefixedWithAQuote() throws IOException {
        CSVRecord record = writeAndReadOne(lead("=1+1", null, "@evil.example", "+SUM(A1)"));

        assertThat(record.get("Full Name")).isEqualTo("'=1+1");
        assertThat(record.get("Email")).isEqualTo("'@evil.example");
        assertThat(record.get("Notes")).isEqualTo("'+SUM(A1)");
    }

    @Test
    void aFormattedPhoneIsNotPrefixed() throws IOException {
        CSVRecord record = writeAndReadOne(lead("Ada", new FormattedPhone("+1 415-555-0132"), null, null));

        assertThat(record.get("Phone Number")).isEqualTo("+1 415-555-0132");
    }

    @Test
    void anUnparseablePhoneIsPrefixedLikeAnyText() throws IOException {
        CSVRecord record = writeAndReadOne(lead("Ada", "+not a number", null, null));

        assertThat(record.get("Phone Number")).isEqualTo("'+not a number");
    }

    @Test
    void datesAreWrittenInTheirOwnZoneWithoutOffset() throws IOException {
        OffsetDateTime created = OffsetDateTime.of(2024, 1, 8, 9, 30, 5, 123_000_000, ZoneOffset.ofHours(-5));

        CSVRecord record = writeAndReadOne(new Object[] {"Ada", null, null, null, created, null});

        assertThat(record.get("Created Date")).isEqualTo("2024-01-08 09:30:05");
    }

    @Test
    void aConversationIsWrittenAsItsId() throws IOException {
        ConversationRef conversation = new ConversationRef("conv-42", "https://chat.example.com/conversations/conv-42");

        CSVRecord record = writeAndReadOne(new Object[] {"Ada", null, null, null, null, conversation});

        assertThat(record.get("Conversation ID")).isEqualTo("conv-42");
    }

    @Test
    void theWriterDoesNotCloseTheStream() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        try (LeadWriter writer = new LeadWriters(TestProperties.defaults(FormatProperties.class)).open(out, new ExportDescription(request(false), GENERATED_AT,
                "alice", 0))) {
            writer.begin();
            writer.finish();
        }

        assertThat(closed[0]).isFalse();
        assertThat(out.size()).isPositive();
    }

    @Test
    void theBytesAreThoseCommonsCsvWritesForTheSameValues() throws IOException {
        // Random values over the characters that decide quoting (controls, space, ! " # , CR LF, the last char),
        // plus plain and non-ASCII text; the first value of a record is special for empty text.
        java.util.Random random = new java.util.Random(20261201L);
        char[] alphabet = {'a', 'Z', '0', ' ', '!', '"', '#', '$', ',', ';', '\r', '\n', '\t', '\u0000', '\u001f',
                '\'', '=', '+', '-', '@', 'é', '\u2028', '\uFF1D', '\u4E2D'};
        List<Object[]> records = new java.util.ArrayList<>();
        for (int r = 0; r < 5_000; r++) {
            Object[] record = new Object[FIELDS.size()];
            for (int i = 0; i < record.length; i++) {
                int length = random.nextInt(8) == 0 ? 0 : random.nextInt(12);
                StringBuilder value = new StringBuilder();
                for (int c = 0; c < length; c++) {
                    value.append(alphabet[random.nextInt(alphabet.length)]);
                }
                record[i] = random.nextInt(10) == 0 ? null : value.toString();
            }
            records.add(record);
        }

        byte[] written = write(request(false), List.of(records));

        java.io.StringWriter expected = new java.io.StringWriter();
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(expected,
                CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(FIELDS.stream().map(LeadField::label).toArray());
            for (Object[] record : records) {
                printer.printRecord(Arrays.stream(record).map(ValueText::safeText).toArray());
            }
        }
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }
}
