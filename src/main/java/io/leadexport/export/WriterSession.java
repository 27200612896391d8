package io.leadexport.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;

import io.leadexport.format.LeadWriter;

/**
 * The file a run is writing, owned by the pipeline's steps alone: its directory, the temporary {@code .part} file and
 * its final name, the open stream with its running SHA-256, the format's writer, and the chunks read ahead.
 */
final class WriterSession {

    Path directory;
    Path partFile;
    Path file;
    String fileName;
    OutputStream out;
    MessageDigest digest;
    LeadWriter writer;
    FormattedChunks<?, ?> chunks;
    boolean completed;

    /** Stops the read-ahead, if it started, and waits until it has let go of the cursor. */
    void stopReading() {
        if (chunks != null) {
            chunks.close();
        }
    }

    void closeQuietly() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // Closing after a failure: the original failure is what matters.
        }
        writer = null;
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // as above
        }
        out = null;
    }
}
