package io.leadexport.audit;

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

import io.leadexport.query.Page;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the audit log for ADMINs: newest first, narrowed by time, user and action. */
@Component("auditEntries")
public class AuditEntries {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AuditEntries(DataSource dataSource, ObjectMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
    }

    public Page page(AuditQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (query.from() != null) {
            where.append(" and at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.toExclusive() != null) {
            where.append(" and at < ?");
            params.add(Timestamp.from(query.toExclusive()));
        }
        if (query.user() != null) {
            where.append(" and actor = ?");
            params.add(query.user());
        }
        if (query.action() != null) {
            where.append(" and action = ?");
            params.add(query.action().key());
        }
        long total = jdbc.queryForObject("select count(*) from audit_log" + where, Long.class, params.toArray());
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add((long) query.page() * query.size());
        List<Map<String, Object>> items = jdbc.query("select id, at, actor, address, action, target, "
                        + "details::text as details from audit_log" + where + " order by at desc, id desc limit ? offset ?",
                (rs, n) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", rs.getLong("id"));
                    item.put("at", rs.getTimestamp("at").toInstant().toString());
                    item.put("user", rs.getString("actor"));
                    item.put("address", rs.getString("address"));
                    item.put("action", rs.getString("action"));
                    item.put("target", rs.getString("target"));
                    item.put("details", details(rs.getString("details")));
                    return item;
                }, pageParams.toArray());
        return new Page(items, query.page(), query.size(), total);
    }

    private Map<String, Object> details(String text) {
        try {
            return json.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit row", e);
        }
    }

    /** Filters for the audit list; null means any. */
    public record AuditQuery(Instant from, Instant toExclusive, String user, AuditAction action, int page, int size) {
    }
}
