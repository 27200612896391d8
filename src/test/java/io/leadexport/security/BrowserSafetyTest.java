package io.leadexport.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.RawHttp;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No ambient credentials: another origin cannot make a browser change anything, browsers are never sent a Basic
 * challenge (so they never keep Basic credentials), scripts still are; and repeated failed sign-ins for one user
 * from one address are held back with 429, without locking that user out elsewhere.
 */
@EndToEndTest
class BrowserSafetyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStateChangingRequestFromAnotherOriginIsRefusedAndStartsNothing() {
        long jobs = jobCount();

        HttpResponse<String> fromOrigin = post("Origin", "https://evil.example");
        HttpResponse<String> fromSite = post("Sec-Fetch-Site", "cross-site");

        assertThat(fromOrigin.statusCode()).isEqualTo(403);
        assertThat(fromOrigin.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(fromSite.statusCode()).isEqualTo(403);
        assertThat(jobCount()).isEqualTo(jobs);
    }

    @Test
    void theSameOriginAndScriptsMayChangeThings() {
        assertThat(post("Origin", "http://localhost:" + port).statusCode()).isEqualTo(200);
        assertThat(post("Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
        assertThat(post("X-Script", "curl").statusCode()).isEqualTo(200);
    }

    @Test
    void browsersGetNoBasicChallengeButScriptsDo() throws Exception {
        assertThat(challenge("Accept", "text/html,application/xhtml+xml")).isNull();
        assertThat(challenge("X-Requested-With", "XMLHttpRequest")).isNull();
        assertThat(challenge("Sec-Fetch-Mode", "cors")).isNull();
        assertThat(challenge("Accept", "*/*")).startsWith("Basic");
    }

    @Test
    void repeatedFailedSignInsForOneUserFromOneAddressAnswer429WithoutLockingTheUserOutElsewhere() throws IOException {
        InetAddress attacker = InetAddress.getByName("127.0.0.7");
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            assertThat(status(attacker, "manager2", "wrong-" + i)).startsWith("HTTP/1.1 401");
        }

        String held = status(attacker, "manager2", "manager2-pw");

        assertThat(held).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After:");
        assertThat(status(attacker, "manager", "manager-pw")).as("another user from that address")
                .startsWith("HTTP/1.1 200");
        assertThat(new Api(port).get("manager2", "/api/leads/export/fields").statusCode())
                .as("the same user from another address").isEqualTo(200);
    }

    private HttpResponse<String> post(String header, String value) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads/export/preview"))
                .header("Authorization", basic("admin", "admin-pw"))
                .header("Content-Type", "application/json")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    private String challenge(String header, String value) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/leads/export/jobs")).header(header, value).GET().build());
        assertThat(response.statusCode()).isEqualTo(401);
        return response.headers().firstValue("WWW-Authenticate").orElse(null);
    }

    /** The status line and headers of a GET sent from {@code from} (a loopback address of its own). */
    private String status(InetAddress from, String user, String password) throws IOException {
        return RawHttp.send(from, port, "GET /api/leads/export/fields HTTP/1.1\r\nAuthorization: "
                + basic(user, password), new byte[0]);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long jobCount() {
        return jdbc.queryForObject("select count(*) from export_jobs", Long.class);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
