package io.leadexport.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With an issuer's key configured, OAuth2 bearer tokens are accepted beside HTTP Basic, roles from a claim. */
@EndToEndTest
class JwtBearerTest {

    private static final KeyPair ISSUER = rsa();
    private static final KeyPair STRANGER = rsa();
    private static final String AUDIENCE = "lead-export";

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", JwtBearerTest::publicKeyFile);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aManagerTokenMayExportButNotReadHistory() throws Exception {
        String token = token(ISSUER, "mia", List.of("MANAGER"), Instant.now().plusSeconds(300));

        assertThat(get("/api/leads/export/jobs", token).statusCode()).isEqualTo(200);
        assertThat(get("/api/leads/export/history", token).statusCode()).isEqualTo(403);
        assertThat(Api.text(get("/api/leads/export/fields", token))).contains("\"username\":\"mia\"");
    }

    @Test
    void anAdminTokenReadsHistory() throws Exception {
        String token = token(ISSUER, "ada", List.of("ADMIN"), Instant.now().plusSeconds(300));

        assertThat(get("/api/leads/export/history", token).statusCode()).isEqualTo(200);
    }

    @Test
    void roleNamesAreMatchedExactlyNotInAnyCase() throws Exception {
        for (String role : List.of("admin", "Admin", "ROLE_ADMIN", "role_admin", " ADMIN")) {
            String token = token(ISSUER, "ada", List.of(role, "MANAGER"), Instant.now().plusSeconds(300));

            assertThat(get("/api/leads/export/history", token).statusCode()).as(role).isEqualTo(403);
            assertThat(get("/api/leads/export/jobs", token).statusCode()).as(role).isEqualTo(200);
        }
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefused() throws Exception {
        Instant expires = Instant.now().plusSeconds(300);

        assertThat(get("/api/leads/export/jobs", token(ISSUER, "ada", List.of("ADMIN"), expires, "other-app"))
                .statusCode()).isEqualTo(401);
        assertThat(get("/api/leads/export/jobs", token(ISSUER, "ada", List.of("ADMIN"), expires, null))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void forgedExpiredOrRolelessTokensAreRefused() throws Exception {
        assertThat(get("/api/leads/export/jobs", token(STRANGER, "eve", List.of("ADMIN"), Instant.now().plusSeconds(300)))
                .statusCode()).isEqualTo(401);
        assertThat(get("/api/leads/export/jobs", token(ISSUER, "old", List.of("ADMIN"), Instant.now().minusSeconds(300)))
                .statusCode()).isEqualTo(401);
        assertThat(get("/api/leads/export/jobs", token(ISSUER, "nobody", List.of("SALES"), Instant.now().plusSeconds(300)))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aBearerCallerIsStatelessAndNeedsNoCsrfToken() throws Exception {
        String token = token(ISSUER, "mia", List.of("MANAGER"), Instant.now().plusSeconds(300));

        HttpResponse<byte[]> me = get("/api/session", token);
        HttpResponse<byte[]> preview = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/leads/export/preview"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Api.text(me)).contains("\"username\":\"mia\"").contains("\"session\":false")
                .contains("\"csrfToken\":null");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(me.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(preview.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void basicAuthStillWorks() {
        assertThat(new Api(port).get("admin", "/api/leads/export/history").statusCode()).isEqualTo(200);
    }

    private HttpResponse<byte[]> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String token(KeyPair key, String user, List<String> roles, Instant expires) throws JOSEException {
        return token(key, user, roles, expires, AUDIENCE);
    }

    private static String token(KeyPair key, String user, List<String> roles, Instant expires, String audience)
            throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("id-" + user).claim("preferred_username", user)
                .claim("roles", roles).issuer("https://issuer.example").issueTime(new Date())
                .audience(audience).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    private static String publicKeyFile() {
        try {
            Path file = Files.createTempFile("issuer", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ISSUER.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return "file:" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
