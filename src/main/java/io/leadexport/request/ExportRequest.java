package io.leadexport.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated export request: the same whatever the trigger (HTTP, schedule, inbox).
 *
 * @param fields      the lead fields in output order; never contains {@code nationalId} when the policy is omitted.
 *                    For a CRM profile template, the fields its columns are made from
 * @param destination {@code download} or the name of a configured destination
 * @param preset      the saved preset the request was merged onto, for the record; null when none
 * @param labels      column header overrides by column key, already checked against the export's columns
 * @param notifyWhenDone whether a background export e-mails its requester when it ends ({@code "notify"})
 */
public record ExportRequest(
        ExportFormat format,
        ExportTemplate template,
        boolean customFields,
        List<LeadField> fields,
        ExportFilter filter,
        NationalIdPolicy nationalId,
        String destination,
        boolean csvBom,
        String preset,
        Map<String, String> labels,
        boolean notifyWhenDone) {

    public static final String DOWNLOAD = "download";

    public ExportRequest {
        fields = List.copyOf(fields);
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** A request without preset, header overrides or notification choice (notify on). */
    public ExportRequest(ExportFormat format, ExportTemplate template, boolean customFields, List<LeadField> fields,
                         ExportFilter filter, NationalIdPolicy nationalId, String destination, boolean csvBom) {
        this(format, template, customFields, fields, filter, nationalId, destination, csvBom, null, Map.of(), true);
    }

    /** The same request delivered somewhere else. */
    public ExportRequest withDestination(String name) {
        return new ExportRequest(format, template, customFields, fields, filter, nationalId, name, csvBom, preset,
                labels, notifyWhenDone);
    }

    /** Phone numbers in E.164 for a CRM import, international format otherwise. */
    public boolean e164Phones() {
        return template.e164Phones();
    }

    /** The CRM profile whose columns the file has, or null when its columns are lead fields. */
    public CrmProfile crmProfile() {
        return template.profile().orElse(null);
    }

    /** The file's columns in order, with the request's header overrides applied. */
    public List<ExportColumn> columns() {
        CrmProfile profile = crmProfile();
        if (profile != null) {
            return profile.columns().stream()
                    .map(c -> new ExportColumn(c.key(), labels.getOrDefault(c.key(), c.header()))).toList();
        }
        return fields.stream().map(f -> new ExportColumn(f.key(), labels.getOrDefault(f.key(), f.label()))).toList();
    }

    public List<String> columnKeys() {
        return columns().stream().map(ExportColumn::key).toList();
    }
}
