package io.leadexport.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.export.ExportProperties;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input answers application/problem+json naming the field and the allowed values, and nothing starts. */
@EndToEndTest
class HttpProblemsTest {

    @LocalServerPort
    int port;
    @Autowired
    ExportProperties properties;

    Api api;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void unknownFormatNamesTheFieldAndAllowedValues() throws IOException {
        JsonNode problem = problem(api.get("admin", "/api/leads/export?format=pdf"), 400);

        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("format");
        assertThat(error.get("allowed").toString()).isEqualTo("[\"csv\",\"xlsx\",\"json\",\"text\"]");
        assertThat(problem.get("title").asText()).isEqualTo("Invalid export request");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        JsonNode problem = problem(api.get("admin",
                "/api/leads/export?template=fancy&fields=fullName,shoeSize&status=old&createdFrom=2024-02-01&createdTo=2024-01-01&updatedFrom=yesterday"),
                400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("template", "fields[1]", "filter.status[0]",
                "filter.createdFrom", "filter.updatedFrom");
        assertThat(problem.get("errors").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains("'2024-02-01' is after"));
        assertThat(problem.get("errors").findValue("allowed").toString()).contains("basic");
    }

    @Test
    void unknownParameterIsRejectedRatherThanIgnored() throws IOException {
        JsonNode problem = problem(api.get("admin", "/api/leads/export?stauts=new"), 400);

        assertThat(fields(problem)).containsExactly("stauts");
        assertThat(problem.get("errors").get(0).get("allowed").toString()).contains("\"status\"");
    }

    @Test
    void unknownUrlIsAProblemToo() throws IOException {
        problem(api.get("admin", "/api/leads/nothing-here"), 404);
        problem(api.get(null, "/no/such/page"), 404);
    }

    @Test
    void anonymousCallsAreUnauthorized() throws IOException {
        HttpResponse<byte[]> response = api.get(null, "/api/leads/export");

        problem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
    }

    @Test
    void wrongPasswordIsUnauthorized() throws IOException {
        problem(api.get("nobody", "/api/leads/export"), 401);
    }

    @Test
    void aManagerMayNotExportPlainNationalIds() throws IOException {
        JsonNode problem = problem(api.get("manager", "/api/leads/export?nationalId=plain"), 403);

        assertThat(fields(problem)).containsExactly("nationalId");
    }

    @Test
    void theFieldCatalogShowsAManagerOnlyThePoliciesItMayUse() throws IOException {
        HttpResponse<byte[]> response = api.get("manager", "/api/leads/export/fields");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode catalog = json.readTree(response.body());
        assertThat(catalog.get("fields").get(0).get("key").asText()).isEqualTo("leadId");
        assertThat(catalog.get("fields")).hasSize(14);
        assertThat(catalog.get("templates").findValuesAsText("key"))
                .containsExactly("full", "basic", "crm", "salesforce", "hubspot");
        assertThat(catalog.get("allowedNationalIdPolicies").toString())
                .isEqualTo("[\"masked\",\"encrypted\",\"omitted\"]");
        JsonNode adminCatalog = json.readTree(api.get("admin", "/api/leads/export/fields").body());
        assertThat(adminCatalog.get("allowedNationalIdPolicies").toString()).contains("plain");
    }

    @Test
    void rejectedRequestsLeaveNoFile() throws IOException {
        List<Path> before = files();

        api.get("admin", "/api/leads/export?format=pdf");
        api.get("manager", "/api/leads/export?nationalId=plain");

        assertThat(files()).containsExactlyInAnyOrderElementsOf(before);
    }

    private List<Path> files() throws IOException {
        Path storage = properties.storage().directory();
        try (Stream<Path> files = Files.exists(storage) ? Files.walk(storage) : Stream.empty()) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private JsonNode problem(HttpResponse<byte[]> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }
}
