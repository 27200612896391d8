package io.leadexport.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the history keeps of one finished export (docs/api.md, "The history"): small, never the rows. The wire-tap
 * carries this.
 *
 * @param request the canonical request ({@code RequestSummary.request}) it was run with
 */
public record HistoryEvent(
        String jobId,
        Instant finishedAt,
        String requestedBy,
        String requesterKind,
        String trigger,
        Map<String, Object> request,
        Long rows,
        String status,
        String fileName,
        Long fileSize,
        Long durationMs,
        String error) {

    public String format() {
        return (String) request.getOrDefault("format", "csv");
    }

    public String template() {
        return (String) request.getOrDefault("template", "full");
    }

    @SuppressWarnings("unchecked")
    public List<String> fields() {
        return (List<String>) request.getOrDefault("fields", List.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> filter() {
        return (Map<String, Object>) request.getOrDefault("filter", Map.of());
    }

    public String nationalId() {
        return (String) request.getOrDefault("nationalId", "masked");
    }

    public String destination() {
        return (String) request.getOrDefault("destination", "download");
    }
}
