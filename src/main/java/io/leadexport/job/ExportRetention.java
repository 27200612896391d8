package io.leadexport.job;

import io.leadexport.export.ExportFiles;
import io.leadexport.export.RunningExports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import io.leadexport.export.ExportProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes export files after {@code lead-export.storage.retention}; their jobs and the history stay. Also removes
 * directories no job owns that are older than the retention (left by a crash), so storage cannot fill up.
 */
@Component("exportRetention")
public class ExportRetention {

    private static final Logger log = LoggerFactory.getLogger(ExportRetention.class);

    private final JobStore store;
    private final RunningExports running;
    private final Path storage;
    private final Duration retention;

    public ExportRetention(JobStore store, RunningExports running, JobProperties properties, ExportProperties exportProperties) {
        this.store = store;
        this.running = running;
        this.storage = exportProperties.storage().directory().toAbsolutePath().normalize();
        this.retention = properties.storage().retention();
    }

    /** @return how many files were deleted */
    public int sweep() throws IOException {
        int deleted = 0;
        for (ExportJob job : store.expiredFiles(Instant.now())) {
            ExportFiles.deleteDirectory(Path.of(job.filePath()).getParent());
            store.fileDeleted(job.id());
            deleted++;
        }
        if (deleted > 0) {
            log.info("Deleted {} expired export files", deleted);
        }
        if (Files.isDirectory(storage)) {
            FileTime cutoff = FileTime.from(Instant.now().minus(retention));
            try (Stream<Path> directories = Files.list(storage)) {
                for (Path directory : directories.filter(Files::isDirectory).toList()) {
                    String id = directory.getFileName().toString();
                    if (running.get(id) == null && store.find(id).isEmpty()
                            && Files.getLastModifiedTime(directory).compareTo(cutoff) < 0) {
                        ExportFiles.deleteDirectory(directory);
                    }
                }
            }
        }
        return deleted;
    }
}
