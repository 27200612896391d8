package io.leadexport.request;

/**
 * One column of an export file: the key it has in requests and JSON output, and the header it has in CSV, XLSX and
 * text (a field's label, a CRM profile's column name, or the request's {@code labels} override).
 */
public record ExportColumn(String key, String label) {
}
