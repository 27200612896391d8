package io.leadexport.job;

import java.time.Instant;
import java.util.Set;

import io.leadexport.security.ExportUser;
import io.leadexport.security.RequesterKind;

/** A row of {@code export_jobs}. */
public record ExportJob(
        String id,
        JobStatus status,
        String trigger,
        String requestedBy,
        Set<String> requestedRoles,
        RequesterKind requesterKind,
        String requestJson,
        String destination,
        long processed,
        Long total,
        Double rowsPerSecond,
        String fileName,
        String filePath,
        Long fileSize,
        String fileSha256,
        Instant expiresAt,
        Instant fileDeletedAt,
        String delivery,
        int attempt,
        String worker,
        boolean cancelRequested,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public ExportUser requester() {
        return new ExportUser(requestedBy, requestedRoles, requesterKind);
    }

    /** Whether {@code user} asked for this job: the same name and the same kind of requester. */
    public boolean isRequestedBy(ExportUser user) {
        return user.is(requestedBy, requesterKind);
    }

    /** The file can be downloaded: it was made, kept in storage, has not expired and has not been deleted. */
    public boolean hasFile() {
        return status == JobStatus.SUCCEEDED && filePath != null && fileDeletedAt == null
                && (expiresAt == null || expiresAt.isAfter(Instant.now()));
    }
}
