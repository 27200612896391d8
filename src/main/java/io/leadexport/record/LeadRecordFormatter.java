package io.leadexport.record;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.leadexport.request.CrmProfile;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.LeadField;
import io.leadexport.request.NationalIdPolicy;
import io.leadexport.request.RequestProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The record step of the pipeline: applies the national-ID policy and formats every selected field of a lead.
 * Values come out typed so that each writer renders them its own way: {@code String}, {@link FormattedPhone},
 * {@link ConversationRef}, {@code OffsetDateTime} (in the export zone) or null.
 */
@Component("leadRecordFormatter")
public class LeadRecordFormatter {

    private final ZoneId zone;
    private static final String ID = "{id}";

    private final String conversationUrlTemplate;
    /** The template around its one {@code {id}}; null when it holds none or several. */
    private final String urlPrefix;
    private final String urlSuffix;
    private final PhoneFormatter phones;
    private final NationalIdEncryptor encryptor;
    private final CrmRecords crm;

    public LeadRecordFormatter(RecordProperties properties, RequestProperties requestProperties,
                               NationalIdEncryptor encryptor) {
        this.zone = requestProperties.zone();
        this.conversationUrlTemplate = properties.conversationUrlTemplate();
        int id = conversationUrlTemplate.indexOf(ID);
        boolean once = id >= 0 && conversationUrlTemplate.indexOf(ID, id + 1) < 0;
        this.urlPrefix = once ? conversationUrlTemplate.substring(0, id) : null;
        this.urlSuffix = once ? conversationUrlTemplate.substring(id + ID.length()) : null;
        this.phones = new PhoneFormatter(properties.phone().defaultRegion());
        this.encryptor = encryptor;
        this.crm = new CrmRecords(zone, phones);
    }

    /** Formats a chunk of rows for a request; the values of each record follow {@code request.columns()}. */
    public List<Object[]> format(List<LeadRow> rows, ExportRequest request) {
        List<Object[]> records = new ArrayList<>(rows.size());
        for (LeadRow row : rows) {
            records.add(format(row, request));
        }
        return records;
    }

    /** One lead's values, in the order of {@code request.columns()}: a CRM profile's columns, or the fields. */
    public Object[] format(LeadRow row, ExportRequest request) {
        CrmProfile profile = request.crmProfile();
        if (profile != null) {
            return crm.format(row, profile,
                    row.conversationId() == null ? null : conversationUrl(row.conversationId()));
        }
        List<LeadField> fields = request.fields();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(fields.get(i), row, request);
        }
        return values;
    }

    private Object value(LeadField field, LeadRow row, ExportRequest request) {
        return switch (field) {
            case LEAD_ID -> row.id() == null ? null : row.id().toString();
            case FULL_NAME -> row.fullName();
            case PHONE -> phones.format(row.phone(), request.e164Phones());
            case EMAIL -> row.email() == null ? null : row.email().strip().toLowerCase(Locale.ROOT);
            case NATIONAL_ID -> nationalId(row.nationalId(), request.nationalId());
            case ADDRESS -> AddressFormatter.format(row);
            case POLICY_OF_INTEREST -> row.policyOfInterest();
            case PREFERRED_CONTACT_TIME -> row.preferredContactTime();
            case NOTES -> row.notes();
            case STATUS -> row.status();
            case CREATED_AT -> inZone(row.createdAt());
            case UPDATED_AT -> inZone(row.updatedAt());
            case CONVERSATION_ID -> row.conversationId() == null ? null
                    : new ConversationRef(row.conversationId(), conversationUrl(row.conversationId()));
            case CONVERSATION_URL -> row.conversationId() == null ? null : conversationUrl(row.conversationId());
        };
    }

    private Object nationalId(String nationalId, NationalIdPolicy policy) {
        if (nationalId == null || nationalId.isBlank()) {
            return null;
        }
        return switch (policy) {
            case MASKED -> NationalIdMasker.mask(nationalId);
            case ENCRYPTED -> encryptor.encrypt(nationalId.strip());
            case PLAIN -> nationalId;
            case OMITTED -> null;
        };
    }

    private OffsetDateTime inZone(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    public String conversationUrl(String conversationId) {
        String id = conversationId.strip();
        String segment = unreserved(id) ? id : UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
        return urlPrefix != null ? urlPrefix.concat(segment).concat(urlSuffix)
                : conversationUrlTemplate.replace(ID, segment);
    }

    /** Letters, digits and {@code - . _ ~}: what a path segment holds unencoded (RFC 3986 "unreserved"). */
    private static boolean unreserved(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }
}
