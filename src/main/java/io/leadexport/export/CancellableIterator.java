package io.leadexport.export;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Ends the row stream as soon as the run is cancelled, so the split finishes, and the cursor and its connection are
 * released at once rather than after the last row.
 */
final class CancellableIterator<T> implements Iterator<T> {

    private final Iterator<T> rows;
    private final ExportRun run;

    CancellableIterator(Iterator<T> rows, ExportRun run) {
        this.rows = rows;
        this.run = run;
    }

    @Override
    public boolean hasNext() {
        return !run.isCancelled() && rows.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return rows.next();
    }
}
