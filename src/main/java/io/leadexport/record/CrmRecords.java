package io.leadexport.record;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.leadexport.request.CrmProfile;

/**
 * The values of a CRM profile's columns for one lead (the columns and the pages they follow are in
 * {@link CrmProfile}). Text values come out as Strings, so the writers' formula guard applies to them; a phone
 * number that parsed comes out as a {@link FormattedPhone} in E.164, which the guard leaves alone.
 */
final class CrmRecords {

    /** Salesforce's importers take {@code yyyy-MM-ddTHH:mm:ss.SSS+HHmm}: no colon in the offset. */
    static final DateTimeFormatter SALESFORCE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");
    /** HubSpot reads ISO-8601 date-times; in UTC, so the file says which instant it means. */
    static final DateTimeFormatter HUBSPOT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    /** A Salesforce lead needs a Last Name and a Company; a lead captured without a name gets this. */
    static final String NOT_PROVIDED = "[not provided]";
    /** Our leads come from a chat assistant on the web: Salesforce's standard Lead Source value for that. */
    static final String SALESFORCE_LEAD_SOURCE = "Web";

    /** Our lead status to Salesforce's standard Lead Status picklist values. */
    static final Map<String, String> SALESFORCE_STATUS = Map.of(
            "new", "Open - Not Contacted",
            "contacted", "Working - Contacted",
            "qualified", "Working - Contacted",
            "converted", "Closed - Converted",
            "lost", "Closed - Not Converted");

    /** Our lead status to HubSpot's default Lifecycle Stage labels. */
    static final Map<String, String> HUBSPOT_LIFECYCLE = Map.of(
            "new", "Lead",
            "contacted", "Lead",
            "qualified", "Sales Qualified Lead",
            "converted", "Customer",
            "lost", "Other");

    /** Our lead status to HubSpot's default Lead Status labels; a customer has none (left empty: not overwritten). */
    static final Map<String, String> HUBSPOT_LEAD_STATUS = Map.of(
            "new", "New",
            "contacted", "Attempted to Contact",
            "qualified", "In Progress",
            "lost", "Unqualified");

    private final ZoneId zone;
    private final PhoneFormatter phones;

    CrmRecords(ZoneId zone, PhoneFormatter phones) {
        this.zone = zone;
        this.phones = phones;
    }

    Object[] format(LeadRow row, CrmProfile profile, String conversationUrl) {
        List<CrmProfile.Column> columns = profile.columns();
        Object[] values = new Object[columns.size()];
        PersonName name = PersonName.split(row.fullName());
        for (int i = 0; i < values.length; i++) {
            values[i] = value(columns.get(i).key(), profile, row, name, conversationUrl);
        }
        return values;
    }

    private Object value(String column, CrmProfile profile, LeadRow row, PersonName name, String conversationUrl) {
        boolean salesforce = profile == CrmProfile.SALESFORCE;
        String status = row.status() == null ? "" : row.status().strip().toLowerCase(Locale.ROOT);
        return switch (column) {
            case "firstName" -> emptyToNull(name.first());
            case "lastName" -> name.last().isEmpty() && salesforce ? NOT_PROVIDED : emptyToNull(name.last());
            // A person is their own company (Salesforce's advice for individuals): the name as captured.
            case "company" -> name.last().isEmpty() ? NOT_PROVIDED : row.fullName().strip().replaceAll("\\s+", " ");
            case "email" -> row.email() == null || row.email().isBlank() ? null
                    : row.email().strip().toLowerCase(Locale.ROOT);
            case "phone" -> phones.format(row.phone(), true);
            // One Street value holds both address lines, one per line.
            case "street" -> emptyToNull(join("\n", row.addressLine1(), row.addressLine2()));
            case "city" -> trimmed(row.city());
            case "state" -> trimmed(row.region());
            case "postalCode" -> trimmed(row.postalCode());
            case "country" -> row.country() == null || row.country().isBlank() ? null
                    : row.country().strip().toUpperCase(Locale.ROOT);
            case "leadStatus" -> salesforce ? SALESFORCE_STATUS.getOrDefault(status, "Open - Not Contacted")
                    : HUBSPOT_LEAD_STATUS.get(status);
            case "lifecycleStage" -> HUBSPOT_LIFECYCLE.getOrDefault(status, "Lead");
            case "leadSource" -> SALESFORCE_LEAD_SOURCE;
            case "description", "message" -> row.notes();
            case "policyOfInterest" -> PolicyNames.canonical(row.policyOfInterest());
            case "preferredContactTime" -> trimmed(row.preferredContactTime());
            case "conversationUrl" -> conversationUrl;
            case "leadCreatedDate" -> date(row.createdAt(), salesforce);
            case "leadUpdatedDate" -> date(row.updatedAt(), salesforce);
            default -> throw new IllegalStateException("no value for CRM column " + column);
        };
    }

    private String date(OffsetDateTime time, boolean salesforce) {
        if (time == null) {
            return null;
        }
        return salesforce ? SALESFORCE_DATE.format(time.atZoneSameInstant(zone))
                : HUBSPOT_DATE.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static String join(String separator, String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isBlank()).map(String::strip)
                .collect(Collectors.joining(separator));
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
