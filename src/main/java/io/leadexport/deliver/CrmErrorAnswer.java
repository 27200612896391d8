package io.leadexport.deliver;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What of a CRM's rejection is kept (in the job, the history, the logs): its HTTP status, its error code and its
 * message, shortened; never the body as it came, because CRMs echo the rejected records back. The code and message
 * are read from the usual shapes ({@code {"error": {"code", "message"}}}, {@code {"errorCode", "message"}},
 * {@code [{"errorCode", "message", "fields"}]}, {@code {"error", "error_description"}}, {@code {"category",
 * "message"}}); a body that is not JSON gives the status only. Within the message, what looks like a value of a
 * record (quoted text, e-mail addresses, numbers of 5 digits or more, UUIDs) is replaced with {@value #HIDDEN}.
 */
public final class CrmErrorAnswer {

    static final int MAX_MESSAGE = 200;
    static final String HIDDEN = "…";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final List<Pattern> VALUES = List.of(
            Pattern.compile("\"[^\"]*\"|'[^']*'|“[^”]*”|‘[^’]*’|`[^`]*`"),
            Pattern.compile("[^\\s@,;:<>()\\[\\]\"']+@[^\\s@,;:<>()\\[\\]\"']+"),
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}"),
            Pattern.compile("\\+?\\d[\\d ().-]{3,}\\d"));
    private static final List<String> CODE_KEYS = List.of("errorCode", "error_code", "code", "category", "type");
    private static final List<String> MESSAGE_KEYS = List.of("message", "error_description", "detail", "title",
            "error_message", "msg", "description");

    private CrmErrorAnswer() {
    }

    /** "The CRM answered HTTP 422 Unprocessable Entity: DUPLICATE_VALUE: a lead with this e-mail exists" */
    public static String describe(int status, String statusText, String body) {
        StringBuilder text = new StringBuilder("The CRM answered HTTP ").append(status);
        if (statusText != null && !statusText.isBlank()) {
            text.append(' ').append(statusText.strip());
        }
        JsonNode answer = parse(body);
        if (answer != null) {
            String code = code(answer);
            String message = message(answer);
            if (code != null) {
                text.append(": ").append(code);
            }
            if (message != null) {
                text.append(": ").append(message);
            }
        }
        return text.toString();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isArray()) {
                node = node.size() > 0 ? node.get(0) : null;
            }
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String code(JsonNode answer) {
        for (JsonNode node : List.of(answer, answer.path("error"), answer.path("errors").path(0))) {
            for (String key : CODE_KEYS) {
                String value = node.path(key).isValueNode() ? node.path(key).asText() : null;
                if (value != null && CODE.matcher(value).matches()) {
                    return value;
                }
            }
        }
        JsonNode error = answer.path("error");
        return error.isTextual() && CODE.matcher(error.asText()).matches() ? error.asText() : null;
    }

    private static String message(JsonNode answer) {
        for (JsonNode node : List.of(answer, answer.path("error"), answer.path("errors").path(0))) {
            for (String key : MESSAGE_KEYS) {
                if (node.path(key).isTextual() && !node.path(key).asText().isBlank()) {
                    return clean(node.path(key).asText());
                }
            }
        }
        JsonNode error = answer.path("error");
        return error.isTextual() && !CODE.matcher(error.asText()).matches() ? clean(error.asText()) : null;
    }

    /** One line, record-like values hidden, at most {@value #MAX_MESSAGE} characters. */
    static String clean(String message) {
        String text = message.replaceAll("\\s+", " ").strip();
        for (Pattern value : VALUES) {
            text = value.matcher(text).replaceAll(HIDDEN);
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + HIDDEN : text;
    }
}
