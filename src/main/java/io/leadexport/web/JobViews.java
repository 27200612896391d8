package io.leadexport.web;

import io.leadexport.export.ExportRun;
import io.leadexport.job.Progress;
import io.leadexport.export.RunningExports;
import io.leadexport.history.ExportNotifications;
import io.leadexport.job.ExportJob;
import io.leadexport.job.JobStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/** A job as the API shows it (docs/api.md, "Jobs"), with live progress when it runs on this instance. */
@Component
public class JobViews {

    private final RunningExports running;
    private final ObjectMapper json;
    private final ExportNotifications notifications;

    public JobViews(RunningExports running, ObjectMapper json, ExportNotifications notifications) {
        this.running = running;
        this.json = json;
        this.notifications = notifications;
    }

    public Map<String, Object> view(ExportJob job) {
        return view(job, notifications.status(job.id()));
    }

    /** A page of jobs: their notification statuses read in one query, not one per job. */
    public java.util.List<Map<String, Object>> views(java.util.List<ExportJob> jobs) {
        Map<String, String> notified = notifications.statuses(jobs.stream().map(ExportJob::id).toList());
        return jobs.stream().map(job -> view(job, notified.get(job.id()))).toList();
    }

    private Map<String, Object> view(ExportJob job, String notification) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("status", job.status().key());
        view.put("trigger", job.trigger());
        view.put("requestedBy", job.requestedBy());
        view.put("requesterKind", job.requesterKind().key());
        view.put("request", request(job.requestJson()));
        view.put("destination", job.destination());
        view.put("progress", progress(job));
        view.put("file", file(job));
        view.put("delivery", job.delivery());
        view.put("attempt", job.attempt());
        view.put("cancelRequested", job.cancelRequested());
        view.put("createdAt", text(job.createdAt()));
        view.put("startedAt", text(job.startedAt()));
        view.put("finishedAt", text(job.finishedAt()));
        view.put("error", job.error());
        view.put("warnings", warnings(job));
        view.put("notification", notification);
        return view;
    }

    /** What the reader of a finished file should know before using it: a CRM's import limit it exceeds. */
    private java.util.List<String> warnings(ExportJob job) {
        if (job.status() != JobStatus.SUCCEEDED) {
            return java.util.List.of();
        }
        Object template = requestOf(job).get("template");
        String warning = template == null ? null : io.leadexport.request.ExportTemplate.byKey(template.toString())
                .flatMap(io.leadexport.request.ExportTemplate::profile)
                .map(profile -> profile.warning(job.processed())).orElse(null);
        return warning == null ? java.util.List.of() : java.util.List.of(warning);
    }

    private Map<String, Object> progress(ExportJob job) {
        ExportRun run = job.status() == JobStatus.RUNNING ? running.get(job.id()) : null;
        if (run != null) {
            long total = run.total();
            return Progress.of(job.status(), run.processed(), total < 0 ? null : total,
                    Progress.rowsPerSecond(run.processed(), run.startedAt(), Instant.now()));
        }
        return Progress.of(job.status(), job.processed(), job.total(), job.rowsPerSecond());
    }

    private static Map<String, Object> file(ExportJob job) {
        if (job.fileName() == null) {
            return null;
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", job.fileName());
        file.put("size", job.fileSize());
        file.put("sha256", job.fileSha256());
        file.put("downloadUrl", job.hasFile() ? "/api/leads/export/jobs/" + job.id() + "/file" : null);
        file.put("expiresAt", text(job.expiresAt()));
        file.put("deletedAt", text(job.fileDeletedAt()));
        return file;
    }

    /** The job's request as a map, in the order of a request. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> requestOf(ExportJob job) {
        Object request = request(job.requestJson());
        return request instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * PostgreSQL's jsonb keeps keys in an order of its own: show them in the order of a request (docs/api.md, "The
     * export request").
     */
    private Object request(String requestJson) {
        try {
            Map<String, Object> stored = json.readValue(requestJson, new TypeReference<Map<String, Object>>() { });
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (String key : REQUEST_ORDER) {
                if (stored.containsKey(key)) {
                    ordered.put(key, stored.get(key));
                }
            }
            ordered.putAll(stored);
            return ordered;
        } catch (JsonProcessingException e) {
            return requestJson;
        }
    }

    private static final java.util.List<String> REQUEST_ORDER =
            java.util.List.of("format", "template", "fields", "filter", "nationalId", "destination", "csvBom", "preset",
                    "labels", "notify");

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
