package io.leadexport.web;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadexport.export.ExchangeKeys;
import io.leadexport.preset.PresetConflictException;
import io.leadexport.preset.PresetNotFoundException;
import io.leadexport.preset.Presets;
import io.leadexport.request.InvalidExportRequestException;
import io.leadexport.request.InvalidExportRequestException.FieldError;
import io.leadexport.request.RequestProperties;
import io.leadexport.security.ExportUser;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * {@code /api/leads/export/presets}: list the caller's and the shared presets, save one ({@code PUT {name}} with
 * {@code {"request": {...}, "shared": false}}), delete one. The rules are {@link Presets}'.
 */
@Component("presetApi")
public class PresetApi {

    private static final List<String> BODY_PROPERTIES = List.of("request", "shared");

    private final Presets presets;
    private final ObjectMapper json;
    private final int maxBytes;

    public PresetApi(Presets presets, ObjectMapper json, RequestProperties properties) {
        this.presets = presets;
        this.json = json;
        this.maxBytes = properties.maxRequestBytes();
    }

    public Map<String, Object> list(@ExchangeProperty(ExchangeKeys.USER) ExportUser user) {
        return Map.of("items", presets.list(user));
    }

    public Map<String, Object> save(@Header("name") String name, byte[] body,
                                    @ExchangeProperty(ExchangeKeys.USER) ExportUser user) {
        if (body != null && body.length > maxBytes) {
            throw new InvalidExportRequestException(
                    FieldError.of("body", "is " + body.length + " bytes; at most " + maxBytes + " are accepted"));
        }
        JsonNode document = read(body);
        if (!document.isObject()) {
            throw new InvalidExportRequestException(FieldError.of("body", "must be {\"request\": {...}, \"shared\": false}"));
        }
        for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
            String property = names.next();
            if (!BODY_PROPERTIES.contains(property)) {
                throw new InvalidExportRequestException(
                        new FieldError(property, "is not a known property", BODY_PROPERTIES));
            }
        }
        JsonNode request = document.get("request");
        if (request == null || !request.isObject()) {
            throw new InvalidExportRequestException(FieldError.of("request", "must be an export request object"));
        }
        JsonNode shared = document.get("shared");
        if (shared != null && !shared.isBoolean() && !shared.isNull()) {
            throw new InvalidExportRequestException(FieldError.of("shared", "must be true or false"));
        }
        try {
            return presets.save(name, (ObjectNode) request, shared != null && shared.asBoolean(), user);
        } catch (PresetConflictException e) {
            throw new ProblemException(409, "Conflict", e.getMessage());
        }
    }

    public Map<String, Object> delete(@Header("name") String name,
                                      @ExchangeProperty(ExchangeKeys.USER) ExportUser user) {
        try {
            presets.delete(name, user);
            return Map.of("deleted", name);
        } catch (PresetNotFoundException e) {
            throw ProblemException.notFound(e.getMessage());
        } catch (PresetConflictException e) {
            throw new ProblemException(409, "Conflict", e.getMessage());
        }
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : json.readTree(body);
            if (node == null) {
                throw new InvalidExportRequestException(FieldError.of("body", "is empty"));
            }
            return node;
        } catch (IOException e) {
            throw new InvalidExportRequestException(FieldError.of("body", "is not valid JSON: " + e.getMessage()));
        }
    }
}
