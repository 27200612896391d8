package io.leadexport.web;

import io.leadexport.export.ExchangeKeys;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.leadexport.audit.AuditAction;
import io.leadexport.audit.AuditLog;
import io.leadexport.export.ExportSteps;
import io.leadexport.query.LeadQuery;
import io.leadexport.query.LeadQueryBuilder;
import io.leadexport.record.LeadRecordFormatter;
import io.leadexport.record.LeadRow;
import io.leadexport.record.LeadRowMapper;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.RequestSummary;
import io.leadexport.security.ExportPermissions;
import io.leadexport.security.ExportUser;

import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/leads/export/preview}: how many leads a request matches and its first rows, formatted and masked
 * exactly as the export would be, so a person can check a filter before starting.
 */
@Component("exportPreview")
public class ExportPreview {

    static final int ROWS = 10;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final LeadQueryBuilder queries;
    private final LeadRecordFormatter formatter;
    private final ExportPermissions permissions;
    private final LeadRowMapper rows;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public ExportPreview(LeadQueryBuilder queries, LeadRecordFormatter formatter, ExportPermissions permissions,
                         LeadRowMapper rows, DataSource dataSource, AuditLog audit) {
        this.queries = queries;
        this.formatter = formatter;
        this.permissions = permissions;
        this.rows = rows;
        this.jdbc = new JdbcTemplate(dataSource);
        this.audit = audit;
    }

    public Map<String, Object> preview(ExportRequest request, @ExchangeProperty(ExchangeKeys.USER) ExportUser user) {
        permissions.check(request, user);
        LeadQuery count = queries.count(request.filter());
        LeadQuery first = queries.select(request.filter(), ROWS);
        List<LeadRow> leads = jdbc.query(first.sql(), rows, first.parameters().toArray());
        List<List<String>> values = new ArrayList<>();
        for (LeadRow lead : leads) {
            values.add(Arrays.stream(formatter.format(lead, request)).map(ExportPreview::display).toList());
        }
        Long matching = jdbc.queryForObject(count.sql(), Long.class, count.parameters().toArray());
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("filter", RequestSummary.filter(request.filter()));
        shown.put("fields", request.columnKeys());
        shown.put("nationalId", request.nationalId().key());
        shown.put("rows", values.size());
        shown.put("count", matching);
        audit.record(AuditAction.PREVIEW, null, shown);
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("count", matching);
        preview.put("fields", request.columns().stream()
                .map(c -> Map.of("key", c.key(), "label", c.label())).toList());
        preview.put("rows", values);
        return preview;
    }

    private static String display(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof OffsetDateTime time ? DATE_TIME.format(time) : value.toString();
    }

}
