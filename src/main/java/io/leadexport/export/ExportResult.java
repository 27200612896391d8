package io.leadexport.export;

import java.nio.file.Path;

/** A finished export file: where it is, what it holds, and how to check it arrived whole. */
public record ExportResult(String runId, Path file, String fileName, long rows, long size, String sha256,
                           long durationMs) {

    public double rowsPerSecond() {
        return durationMs <= 0 ? rows : Math.round(rows * 10_000.0 / durationMs) / 10.0;
    }
}
