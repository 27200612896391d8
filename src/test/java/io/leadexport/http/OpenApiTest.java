package io.leadexport.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLSession;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.support.Api;
import io.leadexport.support.ApiContract;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.RestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenAPI document at GET /api/openapi.json is generated from the REST DSL, covers every REST endpoint the app
 * serves, and says what the endpoints really answer (every call through {@link Api} is checked against it as well).
 */
@EndToEndTest
class OpenApiTest {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;

    Api api;
    Jobs jobs;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        jobs = new Jobs(api);
    }

    @Test
    void theDocumentIsOpenApi3AndNeedsASignIn() {
        HttpResponse<byte[]> response = api.get("manager", ApiContract.DOCUMENT_PATH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode document = Jobs.json(response);
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.at("/info/title").asText()).isEqualTo("Lead Export API");
        assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(api.get(null, ApiContract.DOCUMENT_PATH).statusCode()).isEqualTo(401);
    }

    /** The test that fails when an endpoint is added without being declared fully in the REST DSL. */
    @Test
    void everyRestEndpointIsDocumentedWithItsParametersResponsesAndErrors() {
        ApiContract contract = contract();
        List<RestRegistry.RestService> services = camel.getRestRegistry().listAllRestServices();
        assertThat(services).hasSizeGreaterThanOrEqualTo(10);

        List<String> problems = new ArrayList<>();
        for (RestRegistry.RestService service : services) {
            String path = service.getBasePath() + (service.getUriTemplate() == null ? "" : service.getUriTemplate());
            String method = service.getMethod().toUpperCase();
            var operation = contract.operations().stream()
                    .filter(o -> o.method().equals(method) && o.template().equals(path)).findFirst();
            if (operation.isEmpty()) {
                problems.add(method + " " + path + " is served but missing from the OpenAPI document");
                continue;
            }
            JsonNode node = operation.get().node();
            if (node.path("summary").asText().isBlank()) {
                problems.add(method + " " + path + " has no description");
            }
            Matcher parameter = PATH_PARAMETER.matcher(path);
            while (parameter.find()) {
                String name = parameter.group(1);
                boolean declared = false;
                for (JsonNode p : node.path("parameters")) {
                    declared |= p.path("in").asText().equals("path") && p.path("name").asText().equals(name);
                }
                if (!declared) {
                    problems.add(method + " " + path + " does not declare its path parameter " + name);
                }
            }
            JsonNode responses = node.path("responses");
            boolean success = false;
            for (var it = responses.fields(); it.hasNext(); ) {
                var response = it.next();
                int status = Integer.parseInt(response.getKey());
                success |= status < 300;
                List<String> types = new ArrayList<>();
                response.getValue().path("content").fieldNames().forEachRemaining(types::add);
                if (types.isEmpty() && status != 204) {
                    problems.add(method + " " + path + " " + status + " declares no content type");
                } else if (status >= 400 && !types.equals(List.of("application/problem+json"))) {
                    problems.add(method + " " + path + " " + status + " must be application/problem+json: " + types);
                }
            }
            if (!success) {
                problems.add(method + " " + path + " declares no success response");
            }
            if (!responses.has("401")) {
                problems.add(method + " " + path + " does not declare 401 (every /api call needs a sign-in)");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void requestBodiesAndQueryParametersAreDeclared() {
        JsonNode paths = contract().document().get("paths");

        JsonNode post = paths.at("/~1api~1leads~1export/post");
        assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText())
                .endsWith("ExportRequestDocument");
        JsonNode request = contract().document().at("/components/schemas/ExportRequestDocument/properties");
        assertThat(request.fieldNames()).toIterable()
                .contains("format", "template", "fields", "filter", "nationalId", "destination", "csvBom");

        List<String> exportParameters = new ArrayList<>();
        paths.at("/~1api~1leads~1export/get/parameters").forEach(p -> exportParameters.add(p.get("name").asText()));
        assertThat(exportParameters).containsExactlyInAnyOrder("format", "template", "fields", "status", "policy",
                "country", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "search", "nationalId", "csvBom");
        assertThat(paths.at("/~1api~1leads~1export/get/parameters").findValuesAsText("required")).containsOnly("false");
        assertThat(paths.at("/~1api~1leads~1export~1jobs~1{id}/get/parameters/0/required").asBoolean()).isTrue();
        assertThat(paths.at("/~1api~1leads~1export/get/parameters/0/schema/enum").toString())
                .isEqualTo("[\"csv\",\"xlsx\",\"json\",\"text\"]");
    }

    /** Real calls, successes and errors, of every endpoint: {@link Api} fails any answer the document doesn't declare. */
    @Test
    void realAnswersAreTheDocumentedOnes() {
        String none = "createdFrom=2001-01-01&createdTo=2001-01-02";
        assertThat(api.get("admin", "/api/leads/export?" + none).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> json = api.get("admin", "/api/leads/export?format=json&" + none);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(api.get("admin", "/api/leads/export?format=pdf").statusCode()).isEqualTo(400);
        assertThat(api.get("manager", "/api/leads/export?nationalId=plain").statusCode()).isEqualTo(403);
        assertThat(api.get("admin", "/api/leads/export/fields").statusCode()).isEqualTo(200);
        assertThat(api.post("admin", "/api/leads/export/preview", "{\"template\": \"basic\"}").statusCode())
                .isEqualTo(200);
        assertThat(api.post("admin", "/api/leads/export/preview", "{\"format\": 1}").statusCode()).isEqualTo(400);

        JsonNode job = jobs.start("manager", "{\"format\": \"xlsx\", \"filter\": {\"createdFrom\": \"2001-01-01\","
                + " \"createdTo\": \"2001-01-02\"}}");
        String id = job.get("id").asText();
        jobs.awaitFinished("manager", id, Duration.ofSeconds(30));
        HttpResponse<byte[]> file = api.get("manager", "/api/leads/export/jobs/" + id + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(api.get("manager2", "/api/leads/export/jobs/" + id).statusCode()).isEqualTo(404);
        assertThat(api.get("manager", "/api/leads/export/jobs?size=1").statusCode()).isEqualTo(200);
        assertThat(api.get("manager", "/api/leads/export/jobs?size=501").statusCode()).isEqualTo(400);
        assertThat(api.post("admin", "/api/leads/export", "{\"fields\": []}").statusCode()).isEqualTo(400);
        assertThat(api.delete("manager", "/api/leads/export/jobs/" + id).statusCode()).isEqualTo(200);
        assertThat(api.get("manager", "/api/leads/export/jobs/" + id + "/file").statusCode()).isEqualTo(410);
        assertThat(api.delete("manager2", "/api/leads/export/jobs/" + id).statusCode()).isEqualTo(404);

        assertThat(api.get("admin", "/api/leads/export/history?size=1").statusCode()).isEqualTo(200);
        assertThat(api.get("admin", "/api/leads/export/history?status=lost").statusCode()).isEqualTo(400);
        assertThat(api.get("manager", "/api/leads/export/history").statusCode()).isEqualTo(403);
        assertThat(api.get(null, "/api/leads/export/jobs").statusCode()).isEqualTo(401);
    }

    @Test
    void anUndeclaredAnswerFailsTheCheck() {
        ApiContract contract = contract();
        HttpResponse<byte[]> teapot = api.get("admin", "/api/leads/export/fields");
        HttpResponse<byte[]> declaredAs418 = new WithStatus(teapot, 418);

        assertThatThrownBy(
                        () -> contract.check("GET", "/api/leads/export/fields", declaredAs418))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("418").hasMessageContaining("get-export-fields");
    }

    /** A real answer with another status, as if the app had answered it. */
    private record WithStatus(HttpResponse<byte[]> real, int statusCode) implements HttpResponse<byte[]> {
        public HttpRequest request() { return real.request(); }
        public Optional<HttpResponse<byte[]>> previousResponse() { return Optional.empty(); }
        public HttpHeaders headers() { return real.headers(); }
        public byte[] body() { return real.body(); }
        public Optional<SSLSession> sslSession() { return Optional.empty(); }
        public URI uri() { return real.uri(); }
        public HttpClient.Version version() { return real.version(); }
    }

    private ApiContract contract() {
        return ApiContract.of("http://localhost:" + port).orElseThrow();
    }
}
