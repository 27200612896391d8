package io.leadexport.job;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code progress: {processed, total, percent, rowsPerSecond, etaSeconds}} of a job. */
public final class Progress {

    private Progress() {
    }

    public static double rowsPerSecond(long processed, Instant startedAt, Instant now) {
        long millis = startedAt == null ? 0 : Duration.between(startedAt, now).toMillis();
        return millis <= 0 ? 0 : Math.round(processed * 10_000.0 / millis) / 10.0;
    }

    public static Map<String, Object> of(JobStatus status, long processed, Long total, Double rowsPerSecond) {
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("processed", processed);
        progress.put("total", total);
        Double percent = null;
        if (status == JobStatus.SUCCEEDED) {
            percent = 100.0;
        } else if (total != null && total > 0) {
            percent = Math.min(100.0, Math.floor(processed * 1000.0 / total) / 10.0);
        } else if (total != null) {
            percent = 0.0;
        }
        progress.put("percent", percent);
        progress.put("rowsPerSecond", rowsPerSecond);
        Long eta = null;
        if (status == JobStatus.RUNNING && total != null && rowsPerSecond != null && rowsPerSecond > 0) {
            eta = (long) Math.ceil(Math.max(0, total - processed) / rowsPerSecond);
        } else if (status.isFinished()) {
            eta = 0L;
        }
        progress.put("etaSeconds", eta);
        return progress;
    }
}
