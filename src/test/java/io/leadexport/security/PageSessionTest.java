package io.leadexport.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.support.ApiContract;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.RawHttp;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page's server session over real HTTP: sign-in at /api/session to a Spring Session JDBC session in
 * PostgreSQL (any instance reads it: here a second HTTP client that only copies the cookie), its cookie, its CSRF
 * token, its idle timeout, sign-out; Basic callers stay stateless; the sign-in throttle covers the form too.
 * Every answer is held against the OpenAPI document.
 */
@EndToEndTest
class PageSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** The page's browser; every request names its cookie itself, so no client keeps one behind a test's back. */
    final HttpClient browser = HttpClient.newHttpClient();
    /** Another client, as another instance's user would be: it only has the cookie it is given. */
    final HttpClient elsewhere = HttpClient.newHttpClient();

    @Test
    void signingInStartsASharedSessionWithAStrictHttpOnlyCookie() throws Exception {
        HttpResponse<String> signIn = signIn("admin", "admin-pw");

        assertThat(signIn.statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(signIn.body());
        assertThat(me.get("username").asText()).isEqualTo("admin");
        assertThat(me.get("roles").toString()).isEqualTo("[\"ADMIN\"]");
        assertThat(me.get("session").asBoolean()).isTrue();
        assertThat(me.get("csrfToken").asText()).isNotBlank();
        assertThat(me.get("idleTimeoutSeconds").asLong()).isEqualTo(1800);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("SESSION=").contains("; Path=/").contains("; HttpOnly")
                .contains("; SameSite=Strict").doesNotContain("Secure").doesNotContainIgnoringCase("Expires");
        String cookie = cookie(signIn);

        Map<String, Object> row = jdbc.queryForMap("select principal_name, max_inactive_interval from spring_session "
                + "where session_id = ?", sessionId(cookie));
        assertThat(row).containsEntry("principal_name", "admin").containsEntry("max_inactive_interval", 1800);

        HttpResponse<String> fromElsewhere = send(elsewhere, get("/api/session").header("Cookie", cookie));
        assertThat(fromElsewhere.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(fromElsewhere.body()).get("username").asText()).isEqualTo("admin");
        assertThat(JSON.readTree(fromElsewhere.body()).get("csrfToken").asText()).isNotBlank();
        assertThat(send(elsewhere, get("/api/leads/export/history?size=1").header("Cookie", cookie)).statusCode())
                .as("the session's user and roles").isEqualTo(200);
    }

    /** The answer is sent on another thread than the one that signs in: the cookie must never be lost between them. */
    @Test
    void everySignInAnswerCarriesItsCookie() {
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> signIn = signIn("manager2", "manager2-pw");

            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.headers().allValues("Set-Cookie")).as("sign-in %d", i).hasSize(1)
                    .allSatisfy(c -> assertThat(c).startsWith("SESSION="));
        }
    }

    @Test
    void signingInAgainChangesTheSessionIdAndTheOldOneStopsWorking() throws Exception {
        String first = cookie(signIn("manager", "manager-pw"));

        HttpResponse<String> again = send(browser, post("/api/session", "{\"username\": \"manager\", "
                + "\"password\": \"manager-pw\"}").header("Cookie", first));

        assertThat(again.statusCode()).isEqualTo(200);
        String second = cookie(again);
        assertThat(second).isNotEqualTo(first);
        assertThat(send(browser, get("/api/session").header("Cookie", first)).statusCode()).isEqualTo(401);
        assertThat(send(browser, get("/api/session").header("Cookie", second)).statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionsStateChangingRequestsNeedItsCsrfToken() throws Exception {
        HttpResponse<String> signIn = signIn("manager", "manager-pw");
        String cookie = cookie(signIn);
        String token = JSON.readTree(signIn.body()).get("csrfToken").asText();
        long jobs = jobCount();

        HttpResponse<String> none = send(browser, post("/api/leads/export", "{}").header("Cookie", cookie));
        HttpResponse<String> wrong = send(browser, post("/api/leads/export", "{}").header("Cookie", cookie)
                .header("X-CSRF-TOKEN", "not-the-token"));

        for (HttpResponse<String> refused : List.of(none, wrong)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(JSON.readTree(refused.body()).get("title").asText()).isEqualTo("CSRF token missing or wrong");
        }
        assertThat(jobCount()).as("nothing started").isEqualTo(jobs);
        assertThat(send(browser, post("/api/leads/export/preview", "{}").header("Cookie", cookie)
                .header("X-CSRF-TOKEN", token)).statusCode()).isEqualTo(200);
        assertThat(send(browser, get("/api/leads/export/fields").header("Cookie", cookie)).statusCode())
                .as("reading needs no token").isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionOnEveryInstance() throws Exception {
        HttpResponse<String> signIn = signIn("manager2", "manager2-pw");
        String cookie = cookie(signIn);
        String token = JSON.readTree(signIn.body()).get("csrfToken").asText();

        assertThat(send(browser, delete("/api/session").header("Cookie", cookie)).statusCode())
                .as("sign-out without the token").isEqualTo(403);
        HttpResponse<String> signOut = send(browser, delete("/api/session").header("Cookie", cookie)
                .header("X-CSRF-TOKEN", token));

        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                c -> assertThat(c).startsWith("SESSION=;").contains("Max-Age=0"));
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Long.class,
                sessionId(cookie))).isZero();
        HttpResponse<String> after = send(elsewhere, get("/api/session").header("Cookie", cookie)
                .header("X-Requested-With", "XMLHttpRequest"));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).as("no Basic dialog for the page").isEmpty();
        assertThat(send(elsewhere, delete("/api/session").header("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    @Test
    void anIdleSessionEnds() throws Exception {
        String cookie = cookie(signIn("manager", "manager-pw"));
        assertThat(send(browser, get("/api/session").header("Cookie", cookie)).statusCode()).isEqualTo(200);

        // As if the configured idle time had passed since the last request: one second, two seconds ago.
        jdbc.update("update spring_session set max_inactive_interval = 1, last_access_time = ? where session_id = ?",
                System.currentTimeMillis() - 2000, sessionId(cookie));

        HttpResponse<String> idle = send(browser, get("/api/session").header("Cookie", cookie)
                .header("X-Requested-With", "XMLHttpRequest"));
        assertThat(idle.statusCode()).isEqualTo(401);
        assertThat(idle.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Long.class,
                sessionId(cookie))).as("an expired session is deleted when it is asked for").isZero();
    }

    @Test
    void basicCallersAreStatelessAndNeedNoCsrfToken() throws Exception {
        long sessions = sessionCount();

        HttpResponse<String> me = send(browser, get("/api/session").header("Authorization", basic("admin", "admin-pw")));
        HttpResponse<String> preview = send(browser, post("/api/leads/export/preview", "{}")
                .header("Authorization", basic("admin", "admin-pw")));
        HttpResponse<String> refused = send(browser, get("/api/leads/export/fields")
                .header("Authorization", basic("admin", "wrong")));

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("session").asBoolean()).isFalse();
        assertThat(JSON.readTree(me.body()).get("csrfToken").isNull()).isTrue();
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
        for (HttpResponse<String> response : List.of(me, preview, refused)) {
            assertThat(response.headers().allValues("Set-Cookie")).as("no session cookie").isEmpty();
        }
        assertThat(send(browser, post("/api/leads/export/nothing-here", "{}")).headers().allValues("Set-Cookie"))
                .as("an anonymous request makes no session either").isEmpty();
        assertThat(sessionCount()).isEqualTo(sessions);
    }

    @Test
    void aBasicHeaderIsCheckedOnItsOwnEvenBesideASessionCookie() throws Exception {
        String cookie = cookie(signIn("admin", "admin-pw"));

        HttpResponse<String> wrongPassword = send(browser, get("/api/leads/export/fields").header("Cookie", cookie)
                .header("Authorization", basic("admin", "wrong")));

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void aBadSignInIsNamedAndAWrongPasswordIsRefused() throws Exception {
        HttpResponse<String> missing = send(browser, post("/api/session", "{\"username\": \"admin\", \"role\": 1}"));
        HttpResponse<String> notJson = send(browser, post("/api/session", "username=admin"));
        HttpResponse<String> wrong = signIn("admin", "wrong");
        HttpResponse<String> plainText = send(browser, HttpRequest.newBuilder(URI.create(base() + "/api/session"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> crossOrigin = send(browser, post("/api/session",
                "{\"username\": \"admin\", \"password\": \"admin-pw\"}").header("Origin", "https://evil.example"));

        assertThat(missing.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(missing.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("password", "role");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("errors").findValuesAsText("field")).containsExactly("body");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("detail").asText()).isEqualTo("The username or password is not right.");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(plainText.statusCode()).isEqualTo(415);
        assertThat(crossOrigin.statusCode()).isEqualTo(403);
        for (HttpResponse<String> response : List.of(missing, notJson, wrong, plainText, crossOrigin)) {
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void repeatedFailedSignInsAtTheFormAnswer429ForThatUserFromThatAddressOnly() throws Exception {
        InetAddress attacker = InetAddress.getByName("127.0.0.9");
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            assertThat(rawSignIn(attacker, "bounce", "wrong-" + i)).startsWith("HTTP/1.1 401");
        }

        String held = rawSignIn(attacker, "bounce", "bounce-pw");

        assertThat(held).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After:")
                .doesNotContainIgnoringCase("Set-Cookie");
        assertThat(rawSignIn(attacker, "manager", "manager-pw")).as("another user from that address")
                .startsWith("HTTP/1.1 200");
        assertThat(signIn("bounce", "bounce-pw").statusCode()).as("the same user from another address").isEqualTo(200);
    }

    private HttpResponse<String> signIn(String username, String password) {
        return send(browser, post("/api/session", "{\"username\": \"" + username + "\", \"password\": \""
                + password + "\"}"));
    }

    /** The status line and headers of a sign-in sent from {@code from} (a loopback address of its own). */
    private String rawSignIn(InetAddress from, String user, String password) throws IOException {
        byte[] body = ("{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(from, port, "POST /api/session HTTP/1.1\r\nContent-Type: application/json", body);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder delete(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).DELETE();
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
            ApiContract.of(base()).ifPresent(contract -> contract.check(sent.method(), sent.uri().getPath(), response));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The session cookie the answer set, as a Cookie header value. */
    private static String cookie(HttpResponse<String> response) {
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** The session id in the SPRING_SESSION table: the cookie holds it Base64-encoded. */
    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie.substring("SESSION=".length())), StandardCharsets.UTF_8);
    }

    private long sessionCount() {
        return jdbc.queryForObject("select count(*) from spring_session", Long.class);
    }

    private long jobCount() {
        return jdbc.queryForObject("select count(*) from export_jobs", Long.class);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
