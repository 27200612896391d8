package io.leadexport.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.TestProperties;
import io.leadexport.record.ConversationRef;
import io.leadexport.record.FormattedPhone;
import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportFormat;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportTemplate;
import io.leadexport.request.LeadField;
import io.leadexport.request.NationalIdPolicy;
import io.leadexport.request.TimeRange;

import org.junit.jupiter.api.Test;

import static io.leadexport.request.LeadField.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Writes JSON through {@link LeadWriters} and reads it back with Jackson, field by field. */
class JsonLeadWriterTest {

    private static final List<LeadField> FIELDS =
            List.of(FULL_NAME, PHONE, EMAIL, NOTES, CREATED_AT, CONVERSATION_ID);
    private static final OffsetDateTime GENERATED_AT =
            OffsetDateTime.of(2024, 1, 15, 14, 30, 22, 0, ZoneOffset.ofHours(-5));
    private static final ExportFilter FILTER = new ExportFilter(List.of("new", "contacted"), List.of(), List.of(),
            new TimeRange(Instant.parse("2024-01-08T05:00:00Z"), Instant.parse("2024-01-15T05:00:00Z"),
                    "2024-01-08", "2024-01-14"),
            TimeRange.OPEN, "smith");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ExportRequest request(ExportFilter filter) {
        return new ExportRequest(ExportFormat.JSON, ExportTemplate.FULL, true, FIELDS, filter,
                NationalIdPolicy.MASKED, ExportRequest.DOWNLOAD, false);
    }

    private static Object[] lead(String fullName, Object phone, String email, String notes) {
        return new Object[] {fullName, phone, email, notes, null, null};
    }

    /** begin, one write per chunk, finish, close: as the pipeline does. */
    private static JsonNode write(ExportRequest request, long count, List<List<Object[]>> chunks) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LeadWriter writer = new LeadWriters(TestProperties.defaults(FormatProperties.class)).open(out, new ExportDescription(request, GENERATED_AT, "alice",
                count))) {
            writer.begin();
            for (List<Object[]> chunk : chunks) {
                writer.write(chunk);
            }
            writer.finish();
        }
        return MAPPER.readTree(out.toByteArray());
    }

    private static JsonNode writeLeads(Object[]... records) throws IOException {
        return write(request(ExportFilter.NONE), records.length, List.of(Arrays.asList(records)));
    }

    private static JsonNode writeAndReadOne(Object[] record) throws IOException {
        JsonNode leads = writeLeads(record).get("leads");
        assertThat(leads).hasSize(1);
        return leads.get(0);
    }

    @Test
    void theExportObjectDescribesTheFile() throws IOException {
        JsonNode export = write(request(FILTER), 1234, List.of()).get("export");

        assertThat(export.get("generatedAt").asText()).isEqualTo("2024-01-15T14:30:22-05:00");
        assertThat(export.get("generatedBy").asText()).isEqualTo("alice");
        assertThat(export.get("count").isIntegralNumber()).isTrue();
        assertThat(export.get("count").asLong()).isEqualTo(1234);
    }

    @Test
    void theExportObjectNotesTheFilterAsWritten() throws IOException {
        JsonNode filter = write(request(FILTER), 0, List.of()).get("export").get("filter");

        assertThat(filter).isEqualTo(MAPPER.readTree("""
                {"status": ["new", "contacted"], "createdFrom": "2024-01-08", "createdTo": "2024-01-14",
                 "search": "smith"}
                """));
    }

    @Test
    void anUnfilteredExportNotesAnEmptyFilter() throws IOException {
        JsonNode filter = write(request(ExportFilter.NONE), 0, List.of()).get("export").get("filter");

        assertThat(filter.isObject()).isTrue();
        assertThat(filter).isEmpty();
    }

    @Test
    void theExportObjectListsTheFieldKeysInOrder() throws IOException {
        JsonNode fields = write(request(ExportFilter.NONE), 0, List.of()).get("export").get("fields");

        assertThat(fields).extracting(JsonNode::asText)
                .containsExactly("fullName", "phone", "email", "notes", "createdAt", "conversationId");
    }

    @Test
    void theExportObjectComesBeforeTheLeads() throws IOException {
        JsonNode root = writeLeads(lead("Ada", null, null, null));

        assertThat(root.fieldNames()).toIterable().containsExactly("export", "leads");
    }

    @Test
    void noLeadsIsAnEmptyArray() throws IOException {
        JsonNode leads = write(request(ExportFilter.NONE), 0, List.of()).get("leads");

        assertThat(leads.isArray()).isTrue();
        assertThat(leads).isEmpty();
    }

    @Test
    void leadsOfEveryChunkAreInOneArray() throws IOException {
        List<List<Object[]>> chunks = List.of(
                List.<Object[]>of(lead("Ada", null, null, null), lead("Bea", null, null, null)),
                List.<Object[]>of(lead("Cy", null, null, null)));

        JsonNode leads = write(request(ExportFilter.NONE), 3, chunks).get("leads");

        assertThat(leads).extracting(lead -> lead.get("fullName").asText()).containsExactly("Ada", "Bea", "Cy");
    }

    @Test
    void eachLeadHasTheFieldKeysInOrder() throws IOException {
        JsonNode lead = writeAndReadOne(lead("Ada", null, null, null));

        assertThat(lead.fieldNames()).toIterable()
                .containsExactly("fullName", "phone", "email", "notes", "createdAt", "conversationId");
    }

    @Test
    void missingValuesAreNullAndEmptyTextStaysEmpty() throws IOException {
        JsonNode lead = writeAndReadOne(lead("Ada", null, "", null));

        assertThat(lead.get("phone").isNull()).isTrue();
        assertThat(lead.get("notes").isNull()).isTrue();
        assertThat(lead.get("createdAt").isNull()).isTrue();
        assertThat(lead.get("email").isTextual()).isTrue();
        assertThat(lead.get("email").asText()).isEmpty();
    }

    @Test
    void unicodeQuotesCommasAndNewlinesSurvive() throws IOException {
        String notes = "said \"yes\", then\r\nleft\nback \\ again\t😀";

        JsonNode lead = writeAndReadOne(lead("Zoë 王小明 O'Brien", null, null, notes));

        assertThat(lead.get("fullName").asText()).isEqualTo("Zoë 王小明 O'Brien");
        assertThat(lead.get("notes").asText()).isEqualTo(notes);
    }

    @Test
    void aVeryLongNoteSurvives() throws IOException {
        String notes = "Lorem, \"ipsum\"\n".repeat(700).substring(0, 10_000);

        JsonNode lead = writeAndReadOne(lead("Ada", null, null, notes));

        assertThat(lead.get("notes").asText()).hasSize(10_000).isEqualTo(notes);
    }

    @Test
    void formulaLikeTextIsNotAltered() throws IOException {
        JsonNode lead = writeAndReadOne(lead("=1+1", "+not a number", "@evil.example", "-5"));

        assertThat(lead.get("fullName").asText()).isEqualTo("=1+1");
        assertThat(lead.get("phone").asText()).isEqualTo("+not a number");
        assertThat(lead.get("email").asText()).isEqualTo("@evil.example");
        assertThat(lead.get("notes").asText()).isEqualTo("-5");
    }

    @Test
    void aFormattedPhoneIsItsText() throws IOException {
        JsonNode lead = writeAndReadOne(lead("Ada", new FormattedPhone("+1 415-555-0132"), null, null));

        assertThat(lead.get("phone").asText()).isEqualTo("+1 415-555-0132");
    }

    @Test
    void datesAreIso8601WithOffset() throws IOException {
        OffsetDateTime created = OffsetDateTime.of(2024, 1, 8, 9, 30, 5, 0, ZoneOffset.ofHours(-5));

        JsonNode lead = writeAndReadOne(new Object[] {"Ada", null, null, null, created, null});

        assertThat(lead.get("createdAt").asText()).isEqualTo("2024-01-08T09:30:05-05:00");
        assertThat(OffsetDateTime.parse(lead.get("createdAt").asText())).isEqualTo(created);
    }

    @Test
    void aConversationIsItsId() throws IOException {
        ConversationRef conversation = new ConversationRef("conv-42", "https://chat.example.com/conversations/conv-42");

        JsonNode lead = writeAndReadOne(new Object[] {"Ada", null, null, null, null, conversation});

        assertThat(lead.get("conversationId").asText()).isEqualTo("conv-42");
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

        try (LeadWriter writer = new LeadWriters(TestProperties.defaults(FormatProperties.class)).open(out, new ExportDescription(request(ExportFilter.NONE),
                GENERATED_AT, "alice", 0))) {
            writer.begin();
            writer.finish();
        }

        assertThat(closed[0]).isFalse();
        assertThat(MAPPER.readTree(out.toByteArray()).has("leads")).isTrue();
    }
}
