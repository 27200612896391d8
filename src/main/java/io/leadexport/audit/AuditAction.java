package io.leadexport.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the audit log records. The key is what the API shows and filters on. */
public enum AuditAction {

    /** A sign-in that failed; the actor is the user name that was tried. */
    SIGN_IN_FAILED("sign-in-failed"),
    /** A preview: details hold the filter and the rows shown. */
    PREVIEW("preview"),
    /** A job's file was downloaded: details hold whose job it was. */
    DOWNLOAD("download"),
    /** An export with national IDs in plain text was started. */
    EXPORT_PLAIN_NATIONAL_ID("export-plain-national-id"),
    SCHEDULE_RUN("schedule-run"),
    SCHEDULE_PAUSE("schedule-pause"),
    SCHEDULE_RESUME("schedule-resume"),
    PRESET_SAVE("preset-save"),
    /** A preset was saved as shared with everyone. */
    PRESET_SHARE("preset-share"),
    PRESET_DELETE("preset-delete"),
    /** A finished job's file was deleted on request. */
    FILE_DELETE("file-delete"),
    /** Stored copies of a search text or a lead were erased. */
    ERASURE("erasure");

    private final String key;

    AuditAction(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<AuditAction> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(AuditAction::key).toList();
    }
}
