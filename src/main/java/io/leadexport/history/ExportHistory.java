package io.leadexport.history;

import io.leadexport.query.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The append-only export history: written by the {@code record-history} wire-tap route, read by ADMINs. */
@Component("exportHistory")
public class ExportHistory {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ExportHistory(DataSource dataSource, ObjectMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
    }

    /**
     * Appends the event's row, once: a retried tap (or the sweep) finding the row already written does nothing.
     *
     * @return whether a row was written
     */
    public boolean record(HistoryEvent event) throws JsonProcessingException {
        return jdbc.update("insert into export_history (job_id, finished_at, requested_by, requester_kind, trigger, "
                        + "format, template, fields, filter, national_id, rows, status, destination, file_name, file_size, "
                        + "duration_ms, error) select ?::uuid, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "where not exists (select 1 from export_history where job_id = ?::uuid)",
                event.jobId(), Timestamp.from(event.finishedAt()), event.requestedBy(), event.requesterKind(),
                event.trigger(), event.format(),
                event.template(), json.writeValueAsString(event.fields()), json.writeValueAsString(event.filter()),
                event.nationalId(), event.rows(), event.status(), event.destination(), event.fileName(),
                event.fileSize(), event.durationMs(), event.error(), event.jobId()) > 0;
    }

    /** Jobs that finished between the two instants and have no history row, oldest first. */
    public List<String> finishedJobsWithoutHistory(Instant finishedAfter, Instant finishedBefore, int limit) {
        return jdbc.queryForList("select j.id::text from export_jobs j where j.status in ('succeeded', 'failed', "
                + "'cancelled') and j.finished_at > ? and j.finished_at < ? and not exists (select 1 from "
                + "export_history h where h.job_id = j.id) order by j.finished_at limit ?", String.class,
                Timestamp.from(finishedAfter), Timestamp.from(finishedBefore), limit);
    }

    /** A page of history, newest first, narrowed by finish time, user and status where given. */
    public Page page(HistoryQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (query.from() != null) {
            where.append(" and finished_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.toExclusive() != null) {
            where.append(" and finished_at < ?");
            params.add(Timestamp.from(query.toExclusive()));
        }
        if (query.user() != null) {
            where.append(" and requested_by = ?");
            params.add(query.user());
        }
        if (query.status() != null) {
            where.append(" and status = ?");
            params.add(query.status());
        }
        long total = jdbc.queryForObject("select count(*) from export_history" + where, Long.class, params.toArray());
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add((long) query.page() * query.size());
        List<Map<String, Object>> items = jdbc.query("select job_id, finished_at, requested_by, requester_kind, trigger, format, "
                        + "template, fields::text as fields, filter::text as filter, national_id, rows, status, destination, "
                        + "file_name, file_size, duration_ms, error from export_history" + where
                        + " order by finished_at desc, id desc limit ? offset ?",
                (rs, n) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("jobId", rs.getString("job_id"));
                    item.put("finishedAt", rs.getTimestamp("finished_at").toInstant().toString());
                    item.put("requestedBy", rs.getString("requested_by"));
                    item.put("requesterKind", rs.getString("requester_kind"));
                    item.put("trigger", rs.getString("trigger"));
                    item.put("format", rs.getString("format"));
                    item.put("template", rs.getString("template"));
                    item.put("fields", read(rs.getString("fields"), new TypeReference<List<String>>() { }));
                    item.put("filter", read(rs.getString("filter"), new TypeReference<Map<String, Object>>() { }));
                    item.put("nationalId", rs.getString("national_id"));
                    item.put("rows", rs.getObject("rows"));
                    item.put("status", rs.getString("status"));
                    item.put("destination", rs.getString("destination"));
                    item.put("fileName", rs.getString("file_name"));
                    item.put("fileSize", rs.getObject("file_size"));
                    item.put("durationMs", rs.getObject("duration_ms"));
                    item.put("error", rs.getString("error"));
                    return item;
                }, pageParams.toArray());
        return new Page(items, query.page(), query.size(), total);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable history row", e);
        }
    }

    /** Filters for the history list; null means any. */
    public record HistoryQuery(Instant from, Instant toExclusive, String user, String status, int page, int size) {
    }
}
