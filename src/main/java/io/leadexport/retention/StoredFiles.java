package io.leadexport.retention;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks inside a stored export file for a value, streaming, in chunks: CSV, JSON and text as they are, XLSX
 * through the XML of its zip entries (the cells and the Export Info sheet).
 */
final class StoredFiles {

    private StoredFiles() {
    }

    static boolean contains(Path file, String value) {
        String needle = value.toLowerCase(Locale.ROOT);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            // Read through the central directory: ZipInputStream refuses entries whose sizes POI writes only there.
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (textContains(in, needle)) {
                            return true;
                        }
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file.getFileName(), e);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return textContains(in, needle);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file.getFileName(), e);
        }
    }

    /** Scans in chunks (a sheet's XML can be one very long line), keeping the tail of each for a match across. */
    private static boolean textContains(InputStream in, String needle) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        Reader reader = new InputStreamReader(in, decoder);
        char[] buffer = new char[1 << 16];
        String tail = "";
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            String window = tail + new String(buffer, 0, n).toLowerCase(Locale.ROOT);
            if (window.contains(needle)) {
                return true;
            }
            tail = window.substring(Math.max(0, window.length() - needle.length()));
        }
        return false;
    }
}
