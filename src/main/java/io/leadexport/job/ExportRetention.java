package io.leadexport.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import io.leadexport.export.ExportFiles;
import io.leadexport.export.ExportFolders;
import io.leadexport.export.ExportProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The storage sweep, at start-up and then every {@code lead-export.storage.sweep-interval-ms}. It deletes export
 * files after {@code lead-export.storage.retention} (their jobs and the history stay), and what crashed or overtaken
 * runs left behind: an attempt's folder once its job has moved on (a later attempt, a failure, a cancel), partial
 * {@code .part} files, SXSSF temporary files, and the folder of a download whose instance stopped. Every decision is
 * taken from the database (the job's current attempt and status, the download's slot), never from a name alone:
 * folders that are neither a job's nor a download's are not this product's and are left alone, and so is a folder
 * another instance may be writing in. A file is marked deleted only once it is really gone.
 */
@Component("exportRetention")
public class ExportRetention {

    private static final Logger log = LoggerFactory.getLogger(ExportRetention.class);

    private final JobStore store;
    private final DownloadSlots downloads;
    private final Path storage;

    public ExportRetention(JobStore store, DownloadSlots downloads, ExportProperties exportProperties) {
        this.store = store;
        this.downloads = downloads;
        this.storage = exportProperties.storage().directory().toAbsolutePath().normalize();
    }

    /** @return how many expired files were deleted */
    public int sweep() throws IOException {
        int deleted = deleteExpiredFiles();
        if (Files.isDirectory(storage)) {
            List<Path> folders;
            try (Stream<Path> children = Files.list(storage)) {
                folders = children.filter(Files::isDirectory)
                        .filter(folder -> ExportFolders.isId(folder.getFileName().toString())).toList();
            }
            for (Path folder : folders) {
                String id = folder.getFileName().toString();
                if (store.find(id).isPresent()) {
                    sweepJobFolder(folder, id);
                } else if (downloads.isStale(id)) {
                    remove(folder, "the download's instance stopped");
                    downloads.forget(id);
                }
            }
        }
        downloads.forgetStaleWithoutFolder(storage);
        return deleted;
    }

    private int deleteExpiredFiles() {
        int deleted = 0;
        for (ExportJob job : store.expiredFiles(Instant.now())) {
            Path file = Path.of(job.filePath());
            if (!Files.exists(file)) {
                // Not here: on another instance's disk, whose own sweep deletes it. Nothing to mark from here.
                continue;
            }
            try {
                ExportFiles.deleteDirectory(file.getParent());
            } catch (UncheckedIOException e) {
                log.warn("Could not delete the expired file of job {}: {}", job.id(), e.getMessage());
            }
            if (!Files.exists(file)) {
                store.fileDeleted(job.id());
                deleted++;
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} expired export files", deleted);
        }
        return deleted;
    }

    /**
     * A job's folder: its attempts' folders, and the files of the previous layout directly in it. What the job's
     * current attempt is writing, or the file it made and still offers, stays.
     */
    private void sweepJobFolder(Path folder, String id) throws IOException {
        List<Path> entries;
        try (Stream<Path> children = Files.list(folder)) {
            entries = children.toList();
        }
        // The job as it is now, read after the listing: an attempt claimed meanwhile is seen as the current one.
        Optional<ExportJob> current = store.find(id);
        if (current.isEmpty()) {
            return;
        }
        ExportJob job = current.get();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            OptionalInt attempt = ExportFolders.attemptOf(name);
            if (attempt.isPresent() && Files.isDirectory(entry)) {
                if (!isInUse(job, attempt.getAsInt(), entry)) {
                    remove(entry, "attempt " + attempt.getAsInt() + " of job " + job.id() + " is over ("
                            + job.status().key() + ", attempt " + job.attempt() + ")");
                }
            } else if (Files.isRegularFile(entry) && job.status() != JobStatus.RUNNING && isLeftover(name)) {
                // The previous layout: one folder per job. A partial or temporary file of an attempt that is over.
                Files.deleteIfExists(entry);
                log.info("Removed {} left by job {}", name, job.id());
            }
        }
    }

    /** The attempt is the job's running one, or made the file the job still offers for download. */
    private static boolean isInUse(ExportJob job, int attempt, Path attemptFolder) {
        if (attempt != job.attempt()) {
            return false;
        }
        if (job.status() == JobStatus.RUNNING) {
            return true;
        }
        return job.status() == JobStatus.SUCCEEDED && job.filePath() != null && job.fileDeletedAt() == null
                && Path.of(job.filePath()).startsWith(attemptFolder);
    }

    private static boolean isLeftover(String fileName) {
        return fileName.endsWith(".part") || fileName.endsWith(".xml.tmp") || fileName.endsWith(".xml.gz.tmp")
                || fileName.startsWith(".poi-sxssf");
    }

    private static void remove(Path folder, String why) {
        try {
            ExportFiles.deleteDirectory(folder);
            log.info("Removed {}: {}", folder.getFileName(), why);
        } catch (UncheckedIOException e) {
            log.warn("Could not remove {}: {}", folder, e.getMessage());
        }
    }
}
