package io.leadexport.web;

import io.leadexport.audit.AuditAction;
import io.leadexport.audit.AuditLog;
import io.leadexport.export.ExportFiles;
import io.leadexport.export.ExchangeKeys;
import io.leadexport.export.RunningExports;
import io.leadexport.history.ExportHistory;
import io.leadexport.job.ExportJob;
import io.leadexport.job.ExportJobs;
import io.leadexport.job.JobStatus;
import io.leadexport.job.JobStore;
import io.leadexport.query.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.leadexport.request.RequestProperties;
import io.leadexport.security.ExportUser;
import io.leadexport.security.RequesterKind;
import io.leadexport.web.DownloadResponses;
import io.leadexport.web.ProblemException;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The job endpoints (docs/api.md, "Jobs"). A MANAGER sees only its own jobs: anyone else's answers 404, as if it
 * did not exist. An ADMIN sees all.
 */
@Component("jobApi")
public class JobApi {

    static final int MAX_PAGE_SIZE = 500;
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(2);

    private final JobStore store;
    private final ExportJobs jobs;
    private final JobViews views;
    private final RunningExports running;
    private final ExportHistory history;
    private final DownloadResponses downloads;
    private final ZoneId zone;
    private final AuditLog audit;

    public JobApi(JobStore store, ExportJobs jobs, JobViews views, RunningExports running,
                  ExportHistory history, DownloadResponses downloads, RequestProperties properties,
                  AuditLog audit) {
        this.store = store;
        this.jobs = jobs;
        this.views = views;
        this.running = running;
        this.history = history;
        this.downloads = downloads;
        this.zone = properties.zone();
        this.audit = audit;
    }

    public Map<String, Object> view(ExportJob job) {
        return views.view(job);
    }

    public Map<String, Object> get(@Header("id") String id, @ExchangeProperty(ExchangeKeys.USER) ExportUser user) {
        return views.view(visible(id, user));
    }

    /**
     * The caller's jobs, newest first; an ADMIN's are everyone's unless {@code user} names one person. {@code status}
     * narrows the list to some statuses (the admin page finds the exports still running after a reload).
     */
    public Page list(@Header("page") String page, @Header("size") String size, @Header("user") String userFilter,
                     @Header("status") String status, @ExchangeProperty(ExchangeKeys.USER) ExportUser user) {
        int p = page(page);
        int s = size(size);
        // A MANAGER sees the jobs it asked for as a person, never a schedule's or the inbox's of the same name.
        String owner = !user.isAdmin() ? user.username()
                : userFilter == null || userFilter.isBlank() ? null : userFilter.strip();
        RequesterKind kind = user.isAdmin() ? null : user.kind();
        List<String> statuses = statuses(status);
        List<Map<String, Object>> items = views.views(store.list(owner, kind, statuses, p, s));
        return new Page(items, p, s, store.count(owner, kind, statuses));
    }

    private static List<String> statuses(String status) {
        if (status == null || status.isBlank()) {
            return List.of();
        }
        List<String> statuses = java.util.Arrays.stream(status.split(",")).map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().toList();
        for (String value : statuses) {
            if (java.util.Arrays.stream(JobStatus.values()).noneMatch(js -> js.key().equals(value))) {
                throw new ProblemException(400, "Invalid job query", "status '" + value
                        + "' is not one of queued, running, succeeded, failed, cancelled");
            }
        }
        return statuses;
    }

    /**
     * Cancels a queued job at once, stops a running one (waiting up to 2 s for its worker here to end; 202 while it
     * still runs, e.g. on another instance, which stops it at its next heartbeat), or deletes the file of a
     * finished one. Sets the {@code exportJob} property to a queued job it cancelled, for the finish route.
     */
    public Map<String, Object> cancel(@Header("id") String id, @ExchangeProperty(ExchangeKeys.USER) ExportUser user,
                                      Exchange exchange) throws InterruptedException {
        ExportJob job = visible(id, user);
        if (job.status() == JobStatus.QUEUED && store.cancelQueued(job.id())) {
            ExportJob cancelled = store.find(job.id()).orElseThrow();
            exchange.setProperty(ExchangeKeys.JOB, cancelled);
            return views.view(cancelled);
        }
        if (job.status() == JobStatus.RUNNING || job.status() == JobStatus.QUEUED) {
            store.requestCancel(job.id());
            running.cancel(job.id());
            Optional<CompletableFuture<Void>> worker = jobs.workerDone(job.id());
            if (worker.isPresent()) {
                try {
                    worker.get().get(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // Still running (or its worker failed otherwise): the job's status below says which.
                }
            }
            ExportJob now = store.find(job.id()).orElseThrow();
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, now.status().isFinished() ? 200 : 202);
            return views.view(now);
        }
        if (job.filePath() != null && job.fileDeletedAt() == null) {
            ExportFiles.deleteDirectory(Path.of(job.filePath()).getParent());
            store.fileDeleted(job.id());
            audit.record(AuditAction.FILE_DELETE, job.id(), fileFacts(job));
        }
        return views.view(store.find(job.id()).orElseThrow());
    }

    /** The job's file as an attachment; 409 before it exists, 410 once expired or deleted. */
    public void download(@Header("id") String id, @ExchangeProperty(ExchangeKeys.USER) ExportUser user,
                         Exchange exchange) throws JsonProcessingException {
        ExportJob job = visible(id, user);
        if (!job.status().isFinished()) {
            throw new ProblemException(409, "Not ready", "The export is " + job.status().key() + "; try again later.");
        }
        if (job.status() != JobStatus.SUCCEEDED || job.fileName() == null) {
            throw new ProblemException(409, "No file", "The export " + job.status().key() + " and has no file.");
        }
        if (job.filePath() == null) {
            throw new ProblemException(409, "No file here",
                    "The file was delivered to '" + job.destination() + "', not kept for download.");
        }
        Path file = Path.of(job.filePath());
        boolean expired = job.expiresAt() != null && job.expiresAt().isBefore(Instant.now());
        if (job.fileDeletedAt() != null || expired || !Files.isRegularFile(file)) {
            throw new ProblemException(410, "Gone", "The file of this export has expired or was deleted.");
        }
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, contentType(job.fileName()));
        message.setHeader("Content-Disposition", DownloadResponses.contentDisposition(job.fileName()));
        message.setHeader(DownloadResponses.FILTER_HEADER, downloads.filterHeader(views.requestOf(job).get("filter")));
        message.setHeader("X-Export-Sha256", job.fileSha256());
        message.setBody(file.toFile());
        audit.record(AuditAction.DOWNLOAD, job.id(), fileFacts(job));
    }

    /** What the audit log notes of a job's file: whose job it is and which file. */
    private static Map<String, Object> fileFacts(ExportJob job) {
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("owner", job.requestedBy());
        facts.put("fileName", job.fileName());
        facts.put("fileSize", job.fileSize());
        return facts;
    }

    /** {@code GET /api/leads/export/history} (ADMIN): filterable by finish date, user and status; paged. */
    public Page history(@Header("page") String page, @Header("size") String size, @Header("from") String from,
                        @Header("to") String to, @Header("user") String user, @Header("status") String status) {
        Instant fromInstant = from == null || from.isBlank() ? null : bound("from", from, false);
        Instant toInstant = to == null || to.isBlank() ? null : bound("to", to, true);
        if (status != null && !status.isBlank() && !List.of("succeeded", "failed", "cancelled").contains(status)) {
            throw new ProblemException(400, "Invalid history query",
                    "status '" + status + "' is not one of succeeded, failed, cancelled");
        }
        return history.page(new ExportHistory.HistoryQuery(fromInstant, toInstant,
                user == null || user.isBlank() ? null : user, status == null || status.isBlank() ? null : status,
                page(page), size(size)));
    }

    private Instant bound(String name, String text, boolean upper) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (upper ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return upper ? instant.plusNanos(1000) : instant;
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "Invalid history query",
                    name + " '" + text + "' is not a date (yyyy-MM-dd) or an ISO-8601 instant");
        }
    }

    private ExportJob visible(String id, ExportUser user) {
        Optional<ExportJob> job = store.find(id);
        if (job.isEmpty() || !(user.isAdmin() || job.get().isRequestedBy(user))) {
            throw ProblemException.notFound("There is no export job " + id + ".");
        }
        return job.get();
    }

    static int page(String page) {
        int value = number("page", page, 0);
        if (value < 0) {
            throw new ProblemException(400, "Invalid page", "page must be 0 or more");
        }
        return value;
    }

    static int size(String size) {
        int value = number("size", size, 20);
        if (value < 1 || value > MAX_PAGE_SIZE) {
            throw new ProblemException(400, "Invalid page", "size must be from 1 to " + MAX_PAGE_SIZE);
        }
        return value;
    }

    private static int number(String name, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Invalid page", name + " '" + text + "' is not a whole number");
        }
    }

    private static String contentType(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv")) {
            return "text/csv; charset=UTF-8";
        } else if (name.endsWith(".json")) {
            return "application/json";
        } else if (name.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        return "text/plain; charset=UTF-8";
    }

}
