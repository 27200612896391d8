package io.leadexport.preset;

import java.time.Instant;

/**
 * A row of {@code export_presets}.
 *
 * @param requestJson the preset's request as it was saved: only the keys its author set
 */
public record Preset(String owner, String name, boolean shared, String requestJson, Instant updatedAt,
                     String updatedBy) {
}
