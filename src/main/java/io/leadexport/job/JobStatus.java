package io.leadexport.job;

import java.util.Locale;

/** Where a job is in its life: queued, running, then one of the finished states. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public static JobStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
