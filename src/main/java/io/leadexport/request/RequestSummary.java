package io.leadexport.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical, JSON-ready description of a request and its filter, as it is noted in job and history records,
 * file metadata, manifests and the {@code X-Export-Filter} header: only what the caller asked for, dates as written.
 */
public final class RequestSummary {

    private RequestSummary() {
    }

    public static Map<String, Object> filter(ExportFilter filter) {
        Map<String, Object> map = new LinkedHashMap<>();
        putList(map, "status", filter.statuses());
        putList(map, "policy", filter.policies());
        putList(map, "country", filter.countries());
        putText(map, "createdFrom", filter.created().fromText());
        putText(map, "createdTo", filter.created().toText());
        putText(map, "updatedFrom", filter.updated().fromText());
        putText(map, "updatedTo", filter.updated().toText());
        putText(map, "search", filter.search());
        return map;
    }

    public static Map<String, Object> request(ExportRequest request) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", request.format().key());
        map.put("template", request.template().key());
        // A CRM profile lists its columns: they are what the file holds, and what the request is parsed back from.
        map.put("fields", request.crmProfile() != null ? request.columnKeys() : fieldKeys(request.fields()));
        map.put("filter", filter(request.filter()));
        map.put("nationalId", request.nationalId().key());
        map.put("destination", request.destination());
        map.put("csvBom", request.csvBom());
        if (request.preset() != null) {
            map.put("preset", request.preset());
        }
        if (!request.labels().isEmpty()) {
            map.put("labels", request.labels());
        }
        map.put("notify", request.notifyWhenDone());
        return map;
    }

    public static List<String> fieldKeys(List<LeadField> fields) {
        return fields.stream().map(LeadField::key).toList();
    }

    private static void putList(Map<String, Object> map, String key, List<String> values) {
        if (!values.isEmpty()) {
            map.put(key, values);
        }
    }

    private static void putText(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
