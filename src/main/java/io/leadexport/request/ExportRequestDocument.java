package io.leadexport.request;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The export request exactly as a client writes it (docs/api.md, "The export request"), before validation. Every
 * value is kept as written so that validation can name the field and the allowed values.
 */
public record ExportRequestDocument(
        String format,
        String template,
        List<String> fields,
        Filter filter,
        String nationalId,
        String destination,
        Boolean csvBom,
        String preset,
        Map<String, String> labels,
        @JsonProperty("notify") Boolean notifyWhenDone) {

    /** The one constructor configuration binds (a schedule's {@code request}). */
    @ConstructorBinding
    public ExportRequestDocument {
    }

    public ExportRequestDocument(String format, String template, List<String> fields, Filter filter,
                                 String nationalId, String destination, Boolean csvBom) {
        this(format, template, fields, filter, nationalId, destination, csvBom, null, null, null);
    }

    public record Filter(
            List<String> status,
            List<String> policy,
            List<String> country,
            String createdFrom,
            String createdTo,
            String updatedFrom,
            String updatedTo,
            String search) {
    }

    /** The property names a client may use, for "allowed values" in errors. */
    public static final List<String> PROPERTIES = List.of("format", "template", "fields", "filter", "nationalId",
            "destination", "csvBom", "preset", "labels", "notify");

    public static final List<String> FILTER_PROPERTIES = List.of(
            "status", "policy", "country", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "search");
}
