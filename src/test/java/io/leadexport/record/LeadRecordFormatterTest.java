package io.leadexport.record;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.leadexport.TestProperties;
import io.leadexport.request.ExportFilter;
import io.leadexport.request.RequestProperties;
import io.leadexport.request.ExportFormat;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportTemplate;
import io.leadexport.request.LeadField;
import io.leadexport.request.NationalIdPolicy;

import org.junit.jupiter.api.Test;

import static io.leadexport.request.LeadField.*;
import static org.assertj.core.api.Assertions.assertThat;

class LeadRecordFormatterTest {

    private static final UUID ID = UUID.fromString("5f0c6f9e-8a4b-4d0e-9a43-0a6f1c2b3d4e");
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2024, 1, 8, 14, 30, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime UPDATED = OffsetDateTime.of(2024, 7, 1, 2, 15, 9, 0, ZoneOffset.ofHours(2));

    private final NationalIdEncryptor encryptor = new NationalIdEncryptor(
            Map.of("k1", Base64.getEncoder().encodeToString(new byte[32])), "k1");
    private final LeadRecordFormatter formatter =
            new LeadRecordFormatter(TestProperties.defaults(RecordProperties.class),
                    new RequestProperties(ZoneId.of("America/New_York"), new RequestProperties.Limits(65536)), encryptor);

    private static LeadRow lead() {
        return new LeadRow(ID, "Zoë O'Brien", "(415) 555-0132", "  Zoe.OBrien@Example.COM ", "123-45-6789",
                "1 Market St", "Suite 300", "San Francisco", "CA", "94105", "US", "Auto", "Weekdays 9-12",
                "Call after \"lunch\", please", "new", "conv-42", CREATED, UPDATED);
    }

    private static LeadRow emptyLead() {
        return new LeadRow(ID, "Nobody", null, null, null, null, null, null, null, null, null, null, null, null,
                "new", null, null, null);
    }

    private static ExportRequest request(ExportTemplate template, NationalIdPolicy policy, LeadField... fields) {
        return new ExportRequest(ExportFormat.CSV, template, true, List.of(fields), ExportFilter.NONE, policy,
                ExportRequest.DOWNLOAD, false);
    }

    private static ExportRequest request(LeadField... fields) {
        return request(ExportTemplate.FULL, NationalIdPolicy.MASKED, fields);
    }

    @Test
    void valuesFollowTheFieldOrderOfTheRequest() {
        Object[] record = formatter.format(lead(), request(STATUS, FULL_NAME, LEAD_ID, POLICY_OF_INTEREST));

        assertThat(record).containsExactly("new", "Zoë O'Brien", ID.toString(), "Auto");
    }

    @Test
    void textFieldsAreKeptAsCaptured() {
        Object[] record = formatter.format(lead(), request(NOTES, PREFERRED_CONTACT_TIME));

        assertThat(record).containsExactly("Call after \"lunch\", please", "Weekdays 9-12");
    }

    @Test
    void everyRowOfAChunkIsFormatted() {
        List<Object[]> records = formatter.format(List.of(lead(), emptyLead()), request(FULL_NAME));

        assertThat(records).extracting(r -> r[0]).containsExactly("Zoë O'Brien", "Nobody");
    }

    @Test
    void theEmailIsTrimmedAndLowerCased() {
        Object[] record = formatter.format(lead(), request(EMAIL));

        assertThat(record).containsExactly("zoe.obrien@example.com");
    }

    @Test
    void thePhoneIsFormattedInternationally() {
        Object[] record = formatter.format(lead(), request(PHONE));

        assertThat(record).containsExactly(new FormattedPhone("+1 415-555-0132"));
    }

    @Test
    void thePhoneIsE164InTheCrmTemplate() {
        Object[] record = formatter.format(lead(), request(ExportTemplate.CRM, NationalIdPolicy.MASKED, PHONE));

        assertThat(record).containsExactly(new FormattedPhone("+14155550132"));
    }

    @Test
    void theAddressIsOneLine() {
        Object[] record = formatter.format(lead(), request(ADDRESS));

        assertThat(record).containsExactly("1 Market St, Suite 300, San Francisco, CA 94105, US");
    }

    @Test
    void datesAreConvertedToTheExportZone() {
        Object[] record = formatter.format(lead(), request(CREATED_AT, UPDATED_AT));

        assertThat(record).containsExactly(
                OffsetDateTime.of(2024, 1, 8, 9, 30, 0, 0, ZoneOffset.ofHours(-5)),
                OffsetDateTime.of(2024, 6, 30, 20, 15, 9, 0, ZoneOffset.ofHours(-4)));
    }

    @Test
    void theConversationIdCarriesTheConversationUrl() {
        Object[] record = formatter.format(lead(), request(CONVERSATION_ID, CONVERSATION_URL));

        assertThat(record).containsExactly(
                new ConversationRef("conv-42", "https://chat.example.com/conversations/conv-42"),
                "https://chat.example.com/conversations/conv-42");
    }

    @Test
    void theConversationIdIsPathEncodedInTheUrl() {
        LeadRow lead = new LeadRow(ID, "Ada", null, null, null, null, null, null, null, null, null, null, null,
                null, "new", "a b/../ü?x", null, null);

        Object[] record = formatter.format(lead, request(CONVERSATION_URL, CONVERSATION_ID));

        assertThat(record[0]).isEqualTo("https://chat.example.com/conversations/a%20b%2F..%2F%C3%BC%3Fx");
        assertThat(record[1]).isInstanceOfSatisfying(ConversationRef.class,
                ref -> assertThat(ref.id()).isEqualTo("a b/../ü?x"));
    }

    @Test
    void theNationalIdIsMaskedByDefault() {
        Object[] record = formatter.format(lead(), request(NATIONAL_ID));

        assertThat(record).containsExactly("***-**-6789");
    }

    @Test
    void theNationalIdIsEncryptedWhenAskedFor() {
        Object[] record = formatter.format(lead(), request(ExportTemplate.FULL, NationalIdPolicy.ENCRYPTED,
                NATIONAL_ID));

        assertThat(record[0]).asString().startsWith("enc:v1:k1:").doesNotContain("6789");
        assertThat(encryptor.decrypt((String) record[0])).isEqualTo("123-45-6789");
    }

    @Test
    void theNationalIdIsPlainWhenAllowed() {
        Object[] record = formatter.format(lead(), request(ExportTemplate.FULL, NationalIdPolicy.PLAIN,
                NATIONAL_ID));

        assertThat(record).containsExactly("123-45-6789");
    }

    @Test
    void anOmittedNationalIdIsNeverWrittenEvenIfTheFieldIsAskedFor() {
        Object[] record = formatter.format(lead(), request(ExportTemplate.FULL, NationalIdPolicy.OMITTED,
                NATIONAL_ID, FULL_NAME));

        assertThat(record).containsExactly(null, "Zoë O'Brien");
    }

    @Test
    void aBlankNationalIdIsNullWhateverThePolicy() {
        LeadRow lead = new LeadRow(ID, "Ada", null, null, "  ", null, null, null, null, null, null, null, null,
                null, "new", null, null, null);

        Object[] record = formatter.format(lead, request(ExportTemplate.FULL, NationalIdPolicy.ENCRYPTED,
                NATIONAL_ID));

        assertThat(record).containsExactly((Object) null);
    }

    @Test
    void missingValuesAreNull() {
        Object[] record = formatter.format(emptyLead(), request(PHONE, EMAIL, NATIONAL_ID, ADDRESS, NOTES,
                CREATED_AT, UPDATED_AT, CONVERSATION_ID, CONVERSATION_URL));

        assertThat(record).hasSize(9).containsOnlyNulls();
    }
}
