package io.leadexport.request;

import java.util.List;

/**
 * A validated export request: the same whatever the trigger (HTTP, schedule, inbox).
 *
 * @param fields      the columns in output order; never contains {@code nationalId} when the policy is omitted
 * @param destination {@code download} or the name of a configured destination
 */
public record ExportRequest(
        ExportFormat format,
        ExportTemplate template,
        boolean customFields,
        List<LeadField> fields,
        ExportFilter filter,
        NationalIdPolicy nationalId,
        String destination,
        boolean csvBom) {

    public static final String DOWNLOAD = "download";

    public ExportRequest {
        fields = List.copyOf(fields);
    }

    /** The same request delivered somewhere else. */
    public ExportRequest withDestination(String name) {
        return new ExportRequest(format, template, customFields, fields, filter, nationalId, name, csvBom);
    }

    /** Phone numbers in E.164 for a CRM import, international format otherwise. */
    public boolean e164Phones() {
        return template == ExportTemplate.CRM;
    }
}
