package io.leadexport.retention;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Replaces every occurrence of an erased value, whatever its case, with {@value #MARK}: in plain text, and in every
 * string (values and keys' values, at any depth) of a JSON document.
 */
public final class Redaction {

    public static final String MARK = "[erased]";

    private final String value;
    private final Pattern pattern;

    public Redaction(String value) {
        this.value = value;
        this.pattern = Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public String value() {
        return value;
    }

    public boolean holds(String text) {
        return text != null && pattern.matcher(text).find();
    }

    /** The text with the value replaced; null stays null. */
    public String redact(String text) {
        return text == null ? null : pattern.matcher(text).replaceAll(Matcher.quoteReplacement(MARK));
    }

    /** Redacts the document in place; returns whether anything changed. */
    public boolean redact(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    if (holds(field.getValue().asText())) {
                        field.setValue(TextNode.valueOf(redact(field.getValue().asText())));
                        changed = true;
                    }
                } else {
                    changed |= redact(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual()) {
                    if (holds(element.asText())) {
                        array.set(i, TextNode.valueOf(redact(element.asText())));
                        changed = true;
                    }
                } else {
                    changed |= redact(element);
                }
            }
        }
        return changed;
    }
}
