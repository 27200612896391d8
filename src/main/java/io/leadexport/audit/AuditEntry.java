package io.leadexport.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the audit log: who ({@code actor}) did what ({@code action}) to what ({@code target}), when, from where
 * ({@code address}, the client's address; null when the action did not come over HTTP), and the details that matter
 * for it (a preview's filter and rows, whose job a download was).
 */
public record AuditEntry(Instant at, String actor, String address, AuditAction action, String target,
                         Map<String, Object> details) {

    public AuditEntry {
        details = details == null ? Map.of() : details;
    }
}
