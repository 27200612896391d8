package io.leadexport.request;

import java.time.Instant;

/**
 * A half-open time range {@code [from, toExclusive)}; either end may be open (null).
 * Whole-day and inclusive-instant bounds of a request are resolved into this form once, so the SQL is always
 * {@code >= from and < toExclusive}.
 *
 * @param fromText the bound as the caller wrote it, for file names and records
 * @param toText   the bound as the caller wrote it
 */
public record TimeRange(Instant from, Instant toExclusive, String fromText, String toText) {

    public static final TimeRange OPEN = new TimeRange(null, null, null, null);

    public boolean isOpen() {
        return from == null && toExclusive == null;
    }
}
