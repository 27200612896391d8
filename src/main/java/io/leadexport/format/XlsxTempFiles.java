package io.leadexport.format;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;

/**
 * Where SXSSF puts its temporary files (the rows of a sheet, unencrypted lead data): in the folder of the export that
 * writes them, not the system's temporary folder, so they sit with the export's own file, are removed with it, and a
 * crash leaves them where the storage sweep finds them. POI's strategy is global; this one asks which folder the
 * current thread's writer set, and falls back to POI's default elsewhere.
 */
final class XlsxTempFiles implements TempFileCreationStrategy {

    private static final ThreadLocal<Path> FOLDER = new ThreadLocal<>();
    private static final XlsxTempFiles INSTANCE = new XlsxTempFiles();

    static {
        TempFile.setTempFileCreationStrategy(INSTANCE);
    }

    private final TempFileCreationStrategy fallback = new DefaultTempFileCreationStrategy();

    private XlsxTempFiles() {
    }

    interface Work {
        void run() throws IOException;
    }

    /** Runs {@code work} (which may make SXSSF create temporary files) with them going into {@code folder}. */
    static void in(Path folder, Work work) throws IOException {
        if (folder == null) {
            work.run();
            return;
        }
        Path previous = FOLDER.get();
        FOLDER.set(folder);
        try {
            work.run();
        } finally {
            if (previous == null) {
                FOLDER.remove();
            } else {
                FOLDER.set(previous);
            }
        }
    }

    @Override
    public File createTempFile(String prefix, String suffix) throws IOException {
        Path folder = FOLDER.get();
        if (folder == null) {
            return fallback.createTempFile(prefix, suffix);
        }
        return Files.createTempFile(folder, "." + prefix, suffix + ".tmp").toFile();
    }

    @Override
    public File createTempDirectory(String prefix) throws IOException {
        Path folder = FOLDER.get();
        if (folder == null) {
            return fallback.createTempDirectory(prefix);
        }
        return Files.createTempDirectory(folder, "." + prefix).toFile();
    }
}
