package io.leadexport.format;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * What an export says about itself, worded for people: the {@code Export Info} sheet of XLSX and the header block of
 * the text report. Kept in one place so that both read the same.
 */
final class ExportFacts {

    /** The offset is part of it: a reader of the file does not know the server's export zone. */
    static final DateTimeFormatter GENERATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    static final String NO_FILTER = "none";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFacts() {
    }

    static String generatedAt(ExportDescription description) {
        return GENERATED_AT.format(description.generatedAt());
    }

    /**
     * The filter as compact JSON, the same text as the {@code X-Export-Filter} header and the history record, so a
     * file can be matched with them; {@code none} when unfiltered.
     */
    static String filterJson(ExportDescription description) {
        Map<String, Object> filter = description.filter();
        if (filter.isEmpty()) {
            return NO_FILTER;
        }
        try {
            return JSON.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a filter summary holds only strings and lists of strings", e);
        }
    }

    /** The filter one criterion per line ({@code status: new, contacted}); {@code none} when unfiltered. */
    static List<String> filterLines(ExportDescription description) {
        Map<String, Object> filter = description.filter();
        if (filter.isEmpty()) {
            return List.of(NO_FILTER);
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Object> criterion : filter.entrySet()) {
            String value = criterion.getValue() instanceof List<?> values
                    ? values.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    : String.valueOf(criterion.getValue());
            lines.add(criterion.getKey() + ": " + value);
        }
        return lines;
    }

    static String fieldKeys(ExportDescription description) {
        return String.join(", ", description.keys());
    }

    /** The template, and whether a custom field list replaced its fields. */
    static String template(ExportDescription description) {
        String key = description.request().template().key();
        return description.request().customFields() ? key + " (fields chosen by the request)" : key;
    }

    static String nationalIdPolicy(ExportDescription description) {
        return description.request().nationalId().key();
    }
}
