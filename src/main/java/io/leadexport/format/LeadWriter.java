package io.leadexport.format;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Writes one export file in one format, chunk by chunk, with bounded memory. The pipeline calls {@link #begin},
 * then {@link #write} for each chunk, then {@link #finish}; {@link #close} always follows, on success, failure and
 * cancel, and releases whatever the writer holds (temporary files included). The writer never closes the stream it
 * was given.
 */
public interface LeadWriter extends Closeable {

    /** Writes whatever comes before the first lead (header row, metadata). */
    void begin() throws IOException;

    /** Writes formatted records; values follow the export's fields (see {@code LeadRecordFormatter}). */
    void write(List<Object[]> records) throws IOException;

    /** Writes whatever comes after the last lead and flushes. */
    void finish() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
