package io.leadexport.trigger;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.request.ExportRequestDocument;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * A schedule's {@code request} written as one JSON string (as earlier versions took it) instead of nested
 * configuration. Taking it silently would be the trap the README warns about, and half-reading it is no better, so
 * the start-up stops and shows the same request in the structured form, ready to paste.
 */
@Component
@ConfigurationPropertiesBinding
public class JsonScheduleRequests implements Converter<String, ExportRequestDocument> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ExportRequestDocument convert(String json) {
        throw new IllegalArgumentException("a schedule's request is nested configuration, not a JSON string. "
                + "Write it like this (YAML):\n" + structured(json));
    }

    /** The request as the YAML lines under the schedule, or an example when it is not JSON at all. */
    static String structured(String json) {
        StringBuilder yaml = new StringBuilder("      request:\n");
        try {
            JsonNode request = JSON.readTree(json);
            if (request != null && request.isObject() && !request.isEmpty()) {
                write(request, 8, yaml);
                return yaml.toString();
            }
        } catch (Exception notJson) {
            // show the example below
        }
        return yaml.append("        format: csv\n        template: crm\n        filter:\n          status: [new]\n")
                .toString();
    }

    private static void write(JsonNode object, int indent, StringBuilder yaml) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            yaml.append(" ".repeat(indent)).append(field.getKey()).append(':');
            JsonNode value = field.getValue();
            if (value.isObject()) {
                yaml.append('\n');
                write(value, indent + 2, yaml);
                continue;
            }
            if (value.isArray()) {
                StringBuilder items = new StringBuilder();
                value.forEach(item -> items.append(items.isEmpty() ? "" : ", ").append(scalar(item)));
                yaml.append(" [").append(items).append("]\n");
            } else {
                yaml.append(' ').append(scalar(value)).append('\n');
            }
        }
    }

    private static String scalar(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (!value.isTextual()) {
            return value.asText();
        }
        String text = value.asText();
        return text.matches("[A-Za-z][A-Za-z0-9 ._@+-]*") && !text.equalsIgnoreCase("null")
                && !text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false") && !text.equalsIgnoreCase("yes")
                && !text.equalsIgnoreCase("no") && !text.equalsIgnoreCase("on") && !text.equalsIgnoreCase("off")
                ? text : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
