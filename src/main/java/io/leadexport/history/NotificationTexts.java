package io.leadexport.history;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.leadexport.job.ExportJob;
import io.leadexport.job.JobStatus;
import io.leadexport.request.ExportRequestDocument;

/**
 * The words of a notification: plain text with the outcome, the rows, the filter, when the file expires and the
 * links. Nothing about the leads themselves: the filter is shown without its search text (often a name, an e-mail or a
 * phone), and the only person named is the requester.
 */
final class NotificationTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private final URI publicUrl;
    private final ZoneId zone;

    NotificationTexts(URI publicUrl, ZoneId zone) {
        this.publicUrl = publicUrl;
        this.zone = zone;
    }

    String subject(ExportJob job, boolean schedule) {
        String what = schedule ? "Scheduled export '" + job.requestedBy() + "'" : "Your lead export";
        return switch (job.status()) {
            case SUCCEEDED -> what + " is ready: " + job.processed() + (job.processed() == 1 ? " lead" : " leads");
            case CANCELLED -> what + " was cancelled";
            default -> what + " failed";
        };
    }

    String text(ExportJob job, Map<String, Object> request, boolean schedule) {
        StringBuilder text = new StringBuilder();
        if (schedule) {
            text.append("A run of the scheduled export '").append(job.requestedBy()).append("' failed.\n\n");
        } else {
            text.append("Hello ").append(job.requestedBy()).append(",\n\n")
                    .append(job.status() == JobStatus.SUCCEEDED ? "your lead export is ready." : "your lead export "
                            + (job.status() == JobStatus.CANCELLED ? "was cancelled." : "failed.")).append("\n\n");
        }
        line(text, "Outcome", job.status().key());
        line(text, "Rows", Long.toString(job.processed()));
        line(text, "Format", request.getOrDefault("format", "csv") + ", template " + request.getOrDefault("template", "full"));
        line(text, "Filter", filter(request.get("filter")));
        line(text, "Destination", job.destination());
        if (job.status() != JobStatus.SUCCEEDED && job.error() != null) {
            line(text, "Error", job.error());
        }
        if (job.fileName() != null) {
            line(text, "File", job.fileName());
        }
        if (job.expiresAt() != null) {
            line(text, "Expires", at(job.expiresAt()));
        }
        line(text, "Finished", job.finishedAt() == null ? "" : at(job.finishedAt()));
        if (publicUrl != null) {
            line(text, "Job", jobLink(job.id()));
            if (job.status() == JobStatus.SUCCEEDED && job.filePath() != null) {
                line(text, "Download", resolve("api/leads/export/jobs/" + job.id() + "/file"));
            }
        } else {
            line(text, "Job", job.id() + " (open the admin page, My exports)");
        }
        text.append("\n-- \nLead Export. You get this message because ")
                .append(schedule ? "this address is in the schedule's notify-on-failure list."
                        : "you started this export; send \"notify\": false with a request to export without it.")
                .append('\n');
        return text.toString();
    }

    /** The admin page opened on this job. */
    String jobLink(String jobId) {
        return resolve("#/jobs/" + jobId);
    }

    private String resolve(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + path;
    }

    private String at(Instant instant) {
        return WHEN.format(instant.atZone(zone));
    }

    /** {@code status: new; policy: Auto; search: (not shown)}: criteria as written, the search text left out. */
    static String filter(Object filter) {
        if (!(filter instanceof Map<?, ?> criteria) || criteria.isEmpty()) {
            return "none (every lead)";
        }
        // In the order of a request (the stored request's keys come back in an order of the database's own).
        return ExportRequestDocument.FILTER_PROPERTIES.stream().filter(criteria::containsKey)
                .map(key -> key + ": " + ("search".equals(key) ? "(not shown)"
                        : criteria.get(key) instanceof List<?> values
                        ? values.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        : String.valueOf(criteria.get(key))))
                .collect(Collectors.joining("; "));
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-14s", label + ":")).append(value == null ? "" : value).append('\n');
    }
}
