package io.leadexport.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A tiny HTTP client for the app under test: real HTTP on loopback, Basic auth. Every answer to an API operation is
 * checked against the app's OpenAPI document ({@link ApiContract}): its status and content type must be declared.
 */
public final class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<byte[]> get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<byte[]> post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<byte[]> put(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with extra headers, given as name, value, name, value… */
    public HttpResponse<byte[]> post(String user, String path, String json, String... headers) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<byte[]> delete(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private HttpResponse<byte[]> send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String password = user + "-pw";
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpRequest sent = request.build();
            HttpResponse<byte[]> response = http.send(sent, HttpResponse.BodyHandlers.ofByteArray());
            ApiContract.of(base).ifPresent(contract -> contract.check(sent.method(), sent.uri().getPath(), response));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
