package io.leadexport.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.leadexport.LeadExportApplication;
import io.leadexport.database.DatabaseEndpoint;
import io.leadexport.support.EndToEndTest;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While an instance starts, its web server accepts connections before Camel's routes are up: the API answers 503
 * problem+json with Retry-After in that window (not a 404), and the readiness probe says not ready. A second instance
 * on the end-to-end database is held in that very window (between the web server's start and Camel's) while it is
 * asked.
 */
@EndToEndTest
class StartupAvailabilityTest {

    @Autowired
    DatabaseEndpoint database;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whileTheRoutesAreNotUpTheApiAnswers503WithRetryAfterAndReadinessSaysNotReady() throws Exception {
        StartupHold hold = new StartupHold();
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(LeadExportApplication.class)
                        .profiles("test")
                        .properties("spring.datasource.url=" + database.url(),
                                "spring.datasource.username=" + database.username(),
                                "spring.datasource.password=" + database.password(), "server.port=0",
                                "camel.main.jmx-enabled=false",
                                "lead-export.users[0].username=admin", "lead-export.users[0].password={noop}admin-pw",
                                "lead-export.users[0].roles=ADMIN")
                        .initializers(context -> {
                            hold.context = context;
                            context.getBeanFactory().registerSingleton("startupHold", hold);
                        })
                        .run());
        ConfigurableApplicationContext second = null;
        try {
            int port = hold.reached.get(120, TimeUnit.SECONDS);
            assertThat(hold.camelStarted).as("held after the web server started and before Camel did").isFalse();

            HttpResponse<String> jobs = get(port, "/api/leads/export/jobs", "admin:admin-pw");
            HttpResponse<String> anonymous = get(port, "/api/leads/export/fields", null);
            HttpResponse<String> readiness = get(port, "/actuator/health/readiness", null);

            for (HttpResponse<String> api : List.of(jobs, anonymous)) {
                assertThat(api.statusCode()).as(api.uri().getPath()).isEqualTo(503);
                assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(api.headers().firstValue("Retry-After")).hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
                assertThat(api.body()).contains("\"status\":503").contains("starting up");
            }
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("OUT_OF_SERVICE");

            hold.release.countDown();
            second = starting.get(120, TimeUnit.SECONDS);

            assertThat(get(port, "/api/leads/export/jobs", "admin:admin-pw").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = get(port, "/actuator/health/readiness", null);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("UP");
        } finally {
            hold.release.countDown();
            if (second == null) {
                second = starting.handle((context, failure) -> context).get(120, TimeUnit.SECONDS);
            }
            if (second != null) {
                second.close();
            }
        }
    }

    private HttpResponse<String> get(int port, String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Holds the start-up once every other lifecycle (the web server's included) has started and before the context
     * is refreshed, which is when Camel starts its routes; tells the test the port it can ask meanwhile.
     */
    static final class StartupHold implements SmartLifecycle {

        final CompletableFuture<Integer> reached = new CompletableFuture<>();
        final CountDownLatch release = new CountDownLatch(1);
        volatile ConfigurableApplicationContext context;
        volatile boolean camelStarted;
        private volatile boolean running;

        @Override
        public void start() {
            camelStarted = context.getBean(CamelContext.class).isStarted();
            reached.complete(((WebServerApplicationContext) context).getWebServer().getPort());
            try {
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE;
        }
    }
}
