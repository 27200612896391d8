package io.leadexport.deliver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A CRM's lead API on loopback: demands the bearer token, answers from a script of canned responses first (503, 429
 * with Retry-After…) and 200 after that, and accepts each Idempotency-Key once, as a well-behaved CRM does.
 */
final class CrmStub implements AutoCloseable {

    record Response(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final String token;
    private final Deque<Response> script = new ConcurrentLinkedDeque<>();
    final Map<String, JsonNode> accepted = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> keysSeen = Collections.synchronizedList(new ArrayList<>());
    final List<Long> callTimes = Collections.synchronizedList(new ArrayList<>());
    volatile int unauthorized;

    CrmStub(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/leads", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/leads";
    }

    void then(int status, String body, Map<String, String> headers) {
        script.add(new Response(status, body, headers));
    }

    void reset() {
        script.clear();
        accepted.clear();
        keysSeen.clear();
        callTimes.clear();
        unauthorized = 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        callTimes.add(System.nanoTime());
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            unauthorized++;
            respond(exchange, new Response(401, "{\"error\":\"bad token\"}", Map.of()));
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        keysSeen.add(key);
        Response scripted = script.poll();
        if (scripted != null) {
            respond(exchange, scripted);
            return;
        }
        accepted.putIfAbsent(key, new ObjectMapper().readTree(new String(body, StandardCharsets.UTF_8)));
        respond(exchange, new Response(200, "{\"ok\":true}", Map.of()));
    }

    private static void respond(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
