package io.leadexport.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The app's OpenAPI document ({@code GET /api/openapi.json}), held against real answers: every call an end-to-end test
 * makes through {@link Api} to a documented operation must answer a status code the document declares for it, with
 * one of the content types declared for that status. So the document stays true as endpoints and errors are added:
 * declare them in routes/trigger-http.camel.yaml.
 */
public final class ApiContract {

    public static final String DOCUMENT_PATH = "/api/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Optional<ApiContract>> BY_BASE = new ConcurrentHashMap<>();

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    ApiContract(JsonNode document) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue()));
            }
        }
        // Literal paths before templates: /export/jobs is not /export/jobs/{id}.
        operations.sort(Comparator.comparingLong(o -> o.template().chars().filter(c -> c == '{').count()));
    }

    /**
     * The contract of the app at {@code base}, read once with the end-to-end tests' admin; empty where the app has no
     * such user (a test's own context), so those calls go unchecked.
     */
    public static Optional<ApiContract> of(String base) {
        return BY_BASE.computeIfAbsent(base, ApiContract::fetch);
    }

    public JsonNode document() {
        return document;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Fails when the answer to {@code method path} is not what the document declares for that operation. */
    public void check(String method, String rawPath, HttpResponse<?> response) {
        String path = URI.create(rawPath).getPath();
        Optional<Operation> operation = find(method, path);
        if (operation.isEmpty()) {
            return; // not an API operation (the admin page, an unknown URL); the completeness test covers routes
        }
        String status = String.valueOf(response.statusCode());
        JsonNode declared = operation.get().node().path("responses").path(status);
        if (declared.isMissingNode()) {
            throw new AssertionError(method + " " + operation.get().template() + " answered " + status + " ("
                    + path + "), which the OpenAPI document does not declare: add a responseMessage with code "
                    + status + " to '" + operation.get().id() + "' in routes/trigger-http.camel.yaml");
        }
        String contentType = response.headers().firstValue("Content-Type").map(ApiContract::baseType).orElse(null);
        List<String> documented = new ArrayList<>();
        declared.path("content").fieldNames().forEachRemaining(type -> documented.add(baseType(type)));
        if (contentType != null && !documented.contains(contentType)) {
            throw new AssertionError(method + " " + operation.get().template() + " answered " + status + " with "
                    + contentType + ", but the OpenAPI document declares " + documented + ": set its contentType on '"
                    + operation.get().id() + "' in routes/trigger-http.camel.yaml");
        }
    }

    public Optional<Operation> find(String method, String path) {
        return operations.stream().filter(o -> o.method().equals(method) && o.matches(path)).findFirst();
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<ApiContract> fetch(String base) {
        String basic = Base64.getEncoder().encodeToString("admin:admin-pw".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + DOCUMENT_PATH))
                .header("Authorization", "Basic " + basic).GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Optional.of(new ApiContract(JSON.readTree(response.body())))
                    : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One documented operation: an HTTP method on a path template such as /api/leads/export/jobs/{id}. */
    public record Operation(String method, String template, JsonNode node) {

        public String id() {
            return node.path("operationId").asText();
        }

        boolean matches(String path) {
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            return path.matches(regex);
        }
    }
}
