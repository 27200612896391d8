package io.leadexport.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing an export's directory (its file, manifest, leftovers) in one place. */
public final class ExportFiles {

    private ExportFiles() {
    }

    /**
     * Deletes an export's folder and all it holds; an attempt's folder ({@code <jobId>/attempt-<n>}) takes its job's
     * folder with it once no other attempt's folder is left in it.
     */
    public static void deleteDirectory(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteJobFolderIfEmpty(directory);
    }

    /** After an attempt's folder is gone, its job's folder, if nothing else is in it. */
    static void deleteJobFolderIfEmpty(Path attemptFolder) {
        if (ExportFolders.attemptOf(attemptFolder.getFileName().toString()).isEmpty()) {
            return;
        }
        try {
            Files.deleteIfExists(attemptFolder.getParent());
        } catch (DirectoryNotEmptyException e) {
            // Another attempt's folder (or a legacy file) is still there: it is not ours to remove.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
