package io.leadexport.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Starting background exports over HTTP and waiting for them, as a client script would. */
public final class Jobs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;

    public Jobs(Api api) {
        this.api = api;
    }

    /** POSTs a request and returns the job from the 202 answer. */
    public JsonNode start(String user, String requestJson) {
        HttpResponse<byte[]> response = api.post(user, "/api/leads/export", requestJson);
        assertThat(response.statusCode()).as(Api.text(response)).isEqualTo(202);
        JsonNode job = json(response);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/leads/export/jobs/" + job.get("id").asText());
        return job;
    }

    public JsonNode get(String user, String id) {
        HttpResponse<byte[]> response = api.get(user, "/api/leads/export/jobs/" + id);
        assertThat(response.statusCode()).as(Api.text(response)).isEqualTo(200);
        return json(response);
    }

    /** Waits until the job has finished and returns it. */
    public JsonNode awaitFinished(String user, String id, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = get(user, id);
            return !last[0].get("status").asText().matches("queued|running");
        });
        return last[0];
    }

    public static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
