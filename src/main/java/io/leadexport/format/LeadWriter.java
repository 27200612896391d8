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

    /**
     * Renders records as this format's text ahead of writing, where the text of a record depends only on the record
     * and its position: thread-safe, so the pipeline calls it on its format pool, several chunks at once, and hands
     * the results to {@link #write(RenderedChunk)} in row order. The bytes are the same as {@link #write(List)}
     * writes for those records.
     *
     * @param firstLead the 1-based position of the first record in the export
     * @return the rendered records, or null where this format renders only as it writes (the default)
     */
    default RenderedChunk render(List<Object[]> records, long firstLead) {
        return null;
    }

    /** Writes records rendered by {@link #render}, the next ones in row order. */
    default void write(RenderedChunk chunk) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not render ahead");
    }

    /** Writes whatever comes after the last lead and flushes. */
    void finish() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
