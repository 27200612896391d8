package io.leadexport.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.leadexport.support.Api;

import static org.awaitility.Awaitility.await;

/**
 * One instance of the app as it is deployed: the repackaged jar ({@code target/lead-export-*.jar}, built by
 * {@code package} before the integration tests) run with {@code java -jar} in a process of its own, with its own port,
 * working folder (its storage, inbox and outbox live there unless the arguments say otherwise) and log file. Each start
 * of the same instance appends a new numbered log ({@code app-1.log}, {@code app-2.log}…).
 */
final class JarInstance implements AutoCloseable {

    /** Generous: on a loaded 2-core machine a start was seen to take 115 s (about 15 s when it is quiet). */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final Path folder;
    private final List<String> arguments;
    private volatile Process process;
    private int port;
    private Path log;
    private int starts;

    /**
     * @param name      for the log and the failure messages
     * @param folder    the working folder of the process
     * @param arguments Spring Boot command-line arguments ({@code --key=value}), given at every start
     */
    JarInstance(String name, Path folder, List<String> arguments) {
        this.name = name;
        this.folder = folder.toAbsolutePath();
        this.arguments = List.copyOf(arguments);
        // Never left running: also when the test JVM ends without its @AfterAll (a crash, an interrupted build).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process running = process;
            if (running != null) {
                running.destroyForcibly();
            }
        }));
    }

    /** Starts the jar and waits until it answers its health check; the extra arguments apply to this start only. */
    JarInstance start(String... extraArguments) throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        Files.createDirectories(folder);
        port = freePort();
        log = folder.resolve("app-" + (++starts) + ".log");
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", jar().toString(), "--server.port=" + port));
        command.addAll(arguments);
        command.addAll(List.of(extraArguments));
        process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(this::ready);
        } catch (RuntimeException e) {
            throw new AssertionError(name + " did not start:\n" + logTail(), e);
        }
        return this;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue());
        }
        try {
            HttpResponse<Void> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the instance as a process manager does (SIGTERM: Spring's graceful shutdown) and waits for it. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(name + " did not stop within 90 s:\n" + logTail());
        }
    }

    /** Kills the instance outright (SIGKILL): nothing of it runs any more, not even a shutdown hook. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int port() {
        return port;
    }

    Api api() {
        return new Api(port);
    }

    Path folder() {
        return folder;
    }

    /** The log of the current (or last) start. */
    String log() {
        try {
            return log == null ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The last lines of the log of every start, for a failure message. */
    String logTail() {
        StringBuilder tail = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            Path file = folder.resolve("app-" + i + ".log");
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                tail.append("----- ").append(name).append(", ").append(file).append(" (last 80 lines)\n");
                lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(l -> tail.append(l).append('\n'));
            } catch (IOException e) {
                tail.append("----- ").append(file).append(": ").append(e).append('\n');
            }
        }
        return tail.toString();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    @Override
    public String toString() {
        return name + " on port " + port;
    }

    /** The jar {@code package} built: from failsafe's {@code it.jar}, else the one in target/. */
    static Path jar() throws IOException {
        String configured = System.getProperty("it.jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("lead-export-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/lead-export-*.jar: run mvn verify "
                            + "(or package) first")).toAbsolutePath();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
