package io.leadexport.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.leadexport.record.ConversationRef;
import io.leadexport.record.FormattedPhone;
import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportFormat;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportTemplate;
import io.leadexport.request.LeadField;
import io.leadexport.request.NationalIdPolicy;
import io.leadexport.request.TimeRange;

/** Export requests, descriptions and formatted records as the pipeline hands them to a writer. */
final class Exports {

    static final OffsetDateTime GENERATED_AT = OffsetDateTime.of(2024, 1, 15, 14, 30, 22, 0, ZoneOffset.ofHours(2));
    static final OffsetDateTime CREATED_AT = OffsetDateTime.of(2024, 1, 9, 8, 5, 7, 0, ZoneOffset.ofHours(2));
    static final OffsetDateTime UPDATED_AT = OffsetDateTime.of(2024, 1, 12, 23, 59, 59, 0, ZoneOffset.ofHours(2));
    static final String CONVERSATION_URL = "https://chat.example.com/conversations/conv-1";

    /** status new, policy Auto, created in the second week of January 2024, search "smith". */
    static final ExportFilter FILTER = new ExportFilter(List.of("new"), List.of("Auto"), List.of(),
            new TimeRange(Instant.parse("2024-01-08T00:00:00Z"), Instant.parse("2024-01-15T00:00:00Z"),
                    "2024-01-08", "2024-01-14"),
            TimeRange.OPEN, "smith");

    private Exports() {
    }

    static ExportRequest request(ExportFormat format, ExportFilter filter) {
        return new ExportRequest(format, ExportTemplate.FULL, false, List.of(LeadField.values()), filter,
                NationalIdPolicy.MASKED, ExportRequest.DOWNLOAD, false);
    }

    static ExportRequest request(ExportFormat format, LeadField... fields) {
        return new ExportRequest(format, ExportTemplate.FULL, true, List.of(fields), ExportFilter.NONE,
                NationalIdPolicy.MASKED, ExportRequest.DOWNLOAD, false);
    }

    static ExportDescription description(ExportRequest request, long count) {
        return new ExportDescription(request, GENERATED_AT, "alice", count);
    }

    /** A lead with every field of the {@code full} template, in its order. */
    static Object[] lead(String fullName, String notes) {
        return new Object[] {
                "0b5e3c1a-6f0e-4d2b-9a51-7c3f1e2d4a01",
                fullName,
                new FormattedPhone("+1 415-555-0132"),
                "zoe@example.com",
                "***-**-6789",
                "1 Main St, Apt 2, Springfield, IL 62701, US",
                "Auto",
                "Weekdays 9-12",
                notes,
                "new",
                CREATED_AT,
                UPDATED_AT,
                new ConversationRef("conv-1", CONVERSATION_URL),
                CONVERSATION_URL};
    }

    /** {@code count} leads named Lead 1, Lead 2, ... */
    static List<Object[]> leads(int count) {
        List<Object[]> leads = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            leads.add(lead("Lead " + i, "note " + i));
        }
        return leads;
    }

    /** Records as one chunk of the pipeline ({@code List.of} would take a single record for its varargs). */
    static List<Object[]> rows(Object[]... records) {
        return List.of(records);
    }

    static int column(LeadField field) {
        return field.ordinal();
    }

    /** About {@code length} characters of words, as a long note would be. */
    static String longNote(int length) {
        StringBuilder note = new StringBuilder();
        for (int word = 0; note.length() < length; word++) {
            note.append("word").append(word).append(word % 7 == 0 ? ", " : " ");
        }
        return note.substring(0, length).strip();
    }
}
