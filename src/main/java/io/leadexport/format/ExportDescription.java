package io.leadexport.format;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.leadexport.request.ExportColumn;
import io.leadexport.request.CrmProfile;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.RequestSummary;

/**
 * What a file says about itself: who made it and when, from which filter, with which fields.
 *
 * @param generatedAt in the export zone
 * @param count       the leads matched when the export started
 */
public record ExportDescription(ExportRequest request, OffsetDateTime generatedAt, String generatedBy, long count) {

    /** The file's columns: keys for JSON, labels for the headers of CSV, XLSX and text. */
    public List<ExportColumn> columns() {
        return request.columns();
    }

    public List<String> labels() {
        return columns().stream().map(ExportColumn::label).toList();
    }

    public List<String> keys() {
        return columns().stream().map(ExportColumn::key).toList();
    }

    /** What a reader of the file should know before using it (a CRM's import limit), or null. */
    public String warning() {
        CrmProfile profile = request.crmProfile();
        return profile == null ? null : profile.warning(count);
    }

    public Map<String, Object> filter() {
        return RequestSummary.filter(request.filter());
    }
}
