package io.leadexport.format;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.leadexport.request.ExportRequest;
import io.leadexport.request.LeadField;
import io.leadexport.request.RequestSummary;

/**
 * What a file says about itself: who made it and when, from which filter, with which fields.
 *
 * @param generatedAt in the export zone
 * @param count       the leads matched when the export started
 */
public record ExportDescription(ExportRequest request, OffsetDateTime generatedAt, String generatedBy, long count) {

    public List<LeadField> fields() {
        return request.fields();
    }

    public Map<String, Object> filter() {
        return RequestSummary.filter(request.filter());
    }
}
