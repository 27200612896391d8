package io.leadexport.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.request.RequestArbitraries;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;

import net.jqwik.api.Arbitraries;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input over real HTTP: every answer is a problem+json 4xx naming what is wrong, never a 5xx, a hang or an
 * oversized body held in memory, and nothing starts.
 */
@EndToEndTest
class HostileInputTest {

    private static final int MAX_REQUEST_BYTES = 65536;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws IOException {
        HttpResponse<byte[]> response = send(request("/api/leads/export", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(new byte[MAX_REQUEST_BYTES + 1])));

        problem(response, 413);
    }

    @Test
    void aChunkedBodyIsCutOffAsSoonAsItPassesTheLimitWithoutWaitingForItsEnd() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/leads/export HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("admin")
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "{\"filter\": {\"search\": \"".concat("x".repeat(8192 - 23)).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent <= MAX_REQUEST_BYTES; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            }
            out.flush();
            // The body has not ended (no last chunk): a server that reads it whole before checking would hang here.
            String answer = readHead(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("application/problem+json");
        }
    }

    @Test
    void aTextPlainPostIsRefusedAndStartsNothing() throws IOException {
        long jobs = jobCount();

        problem(send(request("/api/leads/export", "text/plain", HttpRequest.BodyPublishers.ofString("{}"))), 415);
        problem(send(request("/api/leads/export", "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString("format=csv"))), 415);
        problem(send(request("/api/leads/export/preview", "multipart/form-data; boundary=x",
                HttpRequest.BodyPublishers.ofString("--x--"))), 415);

        assertThat(jobCount()).isEqualTo(jobs);
    }

    @Test
    void jsonWithACharsetIsAccepted() {
        HttpResponse<byte[]> response = send(request("/api/leads/export/preview", "application/json; charset=UTF-8",
                HttpRequest.BodyPublishers.ofString("{\"format\": \"csv\"}")));

        assertThat(response.statusCode()).as(Api.text(response)).isEqualTo(200);
    }

    @Test
    void aNulInASearchIsA400NamingTheFieldInAQueryAndInJson() throws IOException {
        assertThat(fields(problem(api.get("admin", "/api/leads/export?search=smith%00"), 400)))
                .containsExactly("filter.search");
        assertThat(fields(problem(api.post("admin", "/api/leads/export",
                "{\"filter\": {\"search\": \"smith\\u0000\"}}"), 400))).containsExactly("filter.search");
        assertThat(fields(problem(api.post("admin", "/api/leads/export/preview",
                "{\"filter\": {\"policy\": [\"Auto\\u0000\"]}}"), 400))).containsExactly("filter.policy[0]");
    }

    @Test
    void aNullOrNonObjectDocumentIsA400() throws IOException {
        for (String body : List.of("null", "[]", "\"csv\"", "7")) {
            JsonNode problem = problem(api.post("admin", "/api/leads/export", body), 400);
            assertThat(fields(problem)).as(body).containsExactly("body");
        }
    }

    @Test
    void aBodyThatIsNotUtf8IsA400() throws IOException {
        byte[] latin1 = "{\"filter\": {\"search\": \"Zoë\"}}".getBytes(StandardCharsets.ISO_8859_1);

        JsonNode problem = problem(send(request("/api/leads/export", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(latin1))), 400);

        assertThat(fields(problem)).containsExactly("body");
        assertThat(api.get("admin", "/api/leads/export?search=Zo%EB").statusCode()).isEqualTo(400);
    }

    @Test
    void anOverLongValueIsA400NamingTheField() throws IOException {
        String policy = "p".repeat(5000);

        JsonNode problem = problem(api.get("admin", "/api/leads/export?policy=" + policy), 400);

        assertThat(fields(problem)).containsExactly("filter.policy[0]");
        assertThat(problem.toString()).doesNotContain(policy);
    }

    /** A few hundred generated requests, valid, broken and random: every answer is a 2xx or a problem+json 4xx. */
    @Test
    void generatedRequestsGetASuccessOrAProblemNeverAServerError() throws IOException {
        List<String> bodies = Arbitraries.oneOf(
                        RequestArbitraries.valid().map(RequestArbitraries.Valid::json),
                        RequestArbitraries.broken().map(RequestArbitraries.Broken::json),
                        Arbitraries.strings().ofMaxLength(200))
                .sampleStream().limit(200).toList();
        for (String body : bodies) {
            answered(api.post("admin", "/api/leads/export/preview", body), body);
        }
        List<String> queries = Arbitraries.oneOf(
                        RequestArbitraries.valid().map(RequestArbitraries.Valid::query),
                        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(80)
                                .map(q -> q.replace("%", "%25").replace("#", "%23").replace(" ", "+")))
                .sampleStream().limit(100).toList();
        for (String query : queries) {
            String safe = query.replaceAll("[^A-Za-z0-9%&=+,._~:-]", "_");
            answered(api.get("manager", "/api/leads/export?" + safe), safe);
        }
    }

    private void answered(HttpResponse<byte[]> response, String input) throws IOException {
        int status = response.statusCode();
        assertThat(status).as(input + " -> " + Api.text(response)).isBetween(200, 499);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as(input)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(status);
        }
    }

    private long jobCount() {
        return jdbc.queryForObject("select count(*) from export_jobs", Long.class);
    }

    private HttpRequest request(String path, String contentType, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic("admin"))
                .header("Content-Type", contentType)
                .POST(body).build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private JsonNode problem(HttpResponse<byte[]> response, int status) throws IOException {
        assertThat(response.statusCode()).as(Api.text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        return json.readTree(response.body());
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }
}
