package io.leadexport.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.leadexport.support.EndToEndTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page signs in with its own form, so a 401 to its calls ({@code X-Requested-With: XMLHttpRequest}) has no
 * Basic challenge that would open the browser's dialog; curl and scripts still get the challenge. The page itself
 * is public.
 */
@EndToEndTest
class SignInChallengeTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aScriptIsChallengedWithBasic() throws Exception {
        HttpResponse<String> noCredentials = send(fields().build());
        HttpResponse<String> wrongPassword = send(fields().header("Authorization", basic("admin", "wrong")).build());

        for (HttpResponse<String> response : new HttpResponse[] {noCredentials, wrongPassword}) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"lead-export\"");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void thePageIsNotChallengedSoTheBrowserOpensNoDialog() throws Exception {
        HttpResponse<String> noCredentials = send(fields().header("X-Requested-With", "XMLHttpRequest").build());
        HttpResponse<String> wrongPassword = send(fields().header("X-Requested-With", "XMLHttpRequest")
                .header("Authorization", basic("admin", "wrong")).build());

        for (HttpResponse<String> response : new HttpResponse[] {noCredentials, wrongPassword}) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
            assertThat(response.body()).contains("Authentication required");
        }
    }

    @Test
    void thePageAndItsAssetsArePublic() throws Exception {
        for (String path : new String[] {"/", "/js/main.js", "/css/admin.css"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base() + "/")).GET().build());
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Lead Export</title>");
    }

    private HttpRequest.Builder fields() {
        return HttpRequest.newBuilder(URI.create(base() + "/api/leads/export/fields")).GET();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
