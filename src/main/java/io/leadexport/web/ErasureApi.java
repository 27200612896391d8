package io.leadexport.web;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.retention.Erasure;

import org.springframework.stereotype.Component;

/**
 * {@code POST /api/leads/export/erasure} (ADMIN) with {@code {"search": "<text>"}} or {@code {"leadId": "<uuid>"}}:
 * exactly one of them. A search text shorter than {@value #MIN_SEARCH} characters is refused: erasing "a" would
 * redact nearly every stored request and delete nearly every file.
 */
@Component("erasureApi")
public class ErasureApi {

    static final int MIN_SEARCH = 3;
    static final int MAX_SEARCH = 1000;
    private static final String TITLE = "Invalid erasure request";

    private final Erasure erasure;
    private final ObjectMapper json;

    public ErasureApi(Erasure erasure, ObjectMapper json) {
        this.erasure = erasure;
        this.json = json;
    }

    public Map<String, Object> erase(byte[] body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(400, TITLE, "The body is not a JSON object: {\"search\": ...} or {\"leadId\": ...}");
        }
        if (request == null || !request.isObject()) {
            throw new ProblemException(400, TITLE, "The body must be a JSON object: {\"search\": ...} or {\"leadId\": ...}");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("search") && !name.equals("leadId")) {
                throw new ProblemException(400, TITLE, name + ": unknown property; allowed: search, leadId");
            }
        }
        boolean search = request.has("search");
        boolean lead = request.has("leadId");
        if (search == lead) {
            throw new ProblemException(400, TITLE, "search, leadId: give exactly one of them");
        }
        if (search) {
            JsonNode text = request.get("search");
            if (!text.isTextual() || text.asText().strip().length() < MIN_SEARCH
                    || text.asText().length() > MAX_SEARCH) {
                throw new ProblemException(400, TITLE, "search: a text of " + MIN_SEARCH + " to " + MAX_SEARCH
                        + " characters");
            }
            return erasure.eraseSearch(text.asText().strip());
        }
        JsonNode id = request.get("leadId");
        try {
            if (!id.isTextual()) {
                throw new IllegalArgumentException();
            }
            return erasure.eraseLead(UUID.fromString(id.asText().strip()));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, TITLE, "leadId: '" + id.asText() + "' is not a lead id (a UUID)");
        }
    }
}
