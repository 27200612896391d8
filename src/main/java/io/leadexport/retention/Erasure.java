package io.leadexport.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.deliver.DeliveryProperties;
import io.leadexport.trigger.TriggerProperties;
import io.leadexport.audit.AuditAction;
import io.leadexport.audit.AuditLog;
import io.leadexport.export.ExportFiles;
import io.leadexport.query.LeadQuery;
import io.leadexport.query.LeadQueryBuilder;
import io.leadexport.request.ExportRequestParser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a search text or a lead id from everything the product keeps: stored requests and filters, file names,
 * errors, audit details and targets, are rewritten with the value replaced by {@value Redaction#MARK} (history and
 * audit rows stay, redacted: the append-only guard lets exactly this through, under a transaction-local
 * {@code lead_export.erasure}); stored files whose name or export info holds the value are deleted, and for a lead
 * id, the files that hold the lead (the download files whose export's filter matches the lead, and any kept,
 * outbox or inbox file that contains its id). The erasure is audited, without the value.
 */
@Component("erasure")
public class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    /** A table and the columns of it that can hold an erased value. */
    record Redactable(String table, String idType, List<String> textColumns, List<String> jsonColumns) {
    }

    private static final List<Redactable> TABLES = List.of(
            new Redactable("export_jobs", "uuid", List.of("file_name", "file_path", "error", "source", "delivery"),
                    List.of("request")),
            new Redactable("export_history", "bigint", List.of("file_name", "error"), List.of("filter")),
            new Redactable("audit_log", "bigint", List.of("target"), List.of("details")),
            new Redactable("export_presets", "bigint", List.of(), List.of("request")),
            new Redactable("inbox_files", "bigint", List.of("name", "error"), List.of()));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final ExportRequestParser parser;
    private final LeadQueryBuilder queries;
    private final AuditLog audit;
    private final Path inbox;
    private final Path outbox;

    @Autowired
    public Erasure(DataSource dataSource, ObjectMapper json, ExportRequestParser parser, LeadQueryBuilder queries,
                   AuditLog audit, TriggerProperties triggers, DeliveryProperties delivery) {
        this(dataSource, json, parser, queries, audit, Path.of(triggers.inbox().directory()),
                Path.of(delivery.inbox().outputDirectory()));
    }

    Erasure(DataSource dataSource, ObjectMapper json, ExportRequestParser parser, LeadQueryBuilder queries,
            AuditLog audit, Path inbox, Path outbox) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.json = json;
        this.parser = parser;
        this.queries = queries;
        this.audit = audit;
        this.inbox = inbox.toAbsolutePath().normalize();
        this.outbox = outbox.toAbsolutePath().normalize();
    }

    /** Erases a search text (a name, an e-mail, a phone) wherever it is stored. */
    public Map<String, Object> eraseSearch(String search) {
        return erase("search", new Redaction(search), null);
    }

    /** Erases a lead id wherever it is stored, and the files that hold the lead. */
    public Map<String, Object> eraseLead(UUID leadId) {
        return erase("leadId", new Redaction(leadId.toString()), leadId);
    }

    private Map<String, Object> erase(String kind, Redaction value, UUID leadId) {
        // Audit entries still queued (a preview a moment ago) must be in the table before it is redacted.
        audit.flush();
        Map<String, Long> erased = new LinkedHashMap<>();
        erased.put("downloadFiles", deleteDownloadFiles(value, leadId));
        erased.put("outboxFiles", deleteFolderFiles(outbox, value));
        erased.put("inboxFiles", deleteFolderFiles(inbox.resolve(".done"), value)
                + deleteFolderFiles(inbox.resolve(".error"), value));
        erased.putAll(transaction.execute(status -> {
            jdbc.queryForObject("select set_config('lead_export.erasure', 'on', true)", String.class);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Redactable table : TABLES) {
                rows.put(table.table(), redactRows(table, value));
            }
            jdbc.queryForObject("select set_config('lead_export.erasure', '', true)", String.class);
            return rows;
        }));
        log.info("Erasure of a {} done: {}", kind, erased);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("erased", erased);
        audit.record(AuditAction.ERASURE, null, details);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", kind);
        result.put("erased", erased);
        return result;
    }

    /** Files kept for download whose name or export request holds the value, or (a lead id) that hold the lead. */
    private long deleteDownloadFiles(Redaction value, UUID leadId) {
        long deleted = 0;
        List<Map<String, Object>> kept = jdbc.queryForList("select id::text as id, file_name, file_path, "
                + "request::text as request from export_jobs where file_path is not null and file_deleted_at is null");
        for (Map<String, Object> job : kept) {
            String name = (String) job.get("file_name");
            String requestJson = (String) job.get("request");
            Path file = Path.of((String) job.get("file_path"));
            boolean holds = value.holds(name) || value.redact(readJson(requestJson))
                    || leadId != null && (matchesFilter(requestJson, leadId)
                    || Files.isRegularFile(file) && StoredFiles.contains(file, value.value()));
            if (holds) {
                ExportFiles.deleteDirectory(file.getParent());
                jdbc.update("update export_jobs set file_deleted_at = now() where id = ?::uuid "
                        + "and file_deleted_at is null", job.get("id"));
                deleted++;
            }
        }
        return deleted;
    }

    /** Whether the lead (if it is still in the table) matches the filter of a stored request. */
    private boolean matchesFilter(String requestJson, UUID leadId) {
        try {
            LeadQuery query = queries.matches(parser.fromJson(requestJson).filter(), leadId);
            return Boolean.TRUE.equals(jdbc.queryForObject(query.sql(), Boolean.class, query.parameters().toArray()));
        } catch (RuntimeException e) {
            // A request that no longer parses (the catalog changed): the file's content decides.
            return false;
        }
    }

    /** Regular files directly in a folder whose name or content holds the value; a CSV and its manifest go together. */
    private static long deleteFolderFiles(Path folder, Redaction value) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> files = listing.filter(Files::isRegularFile).toList();
            Set<Path> doomed = new LinkedHashSet<>();
            for (Path file : files) {
                if (value.holds(file.getFileName().toString()) || StoredFiles.contains(file, value.value())) {
                    doomed.add(file);
                    String name = file.getFileName().toString();
                    doomed.add(folder.resolve(name.endsWith(".manifest.json")
                            ? name.substring(0, name.length() - ".manifest.json".length())
                            : name + ".manifest.json"));
                }
            }
            long deleted = 0;
            for (Path file : doomed) {
                if (Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("could not erase in " + folder, e);
        }
    }

    private long redactRows(Redactable table, Redaction value) {
        List<String> columns = new ArrayList<>(table.textColumns());
        columns.addAll(table.jsonColumns());
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String escaped = likePattern(value.value());
        String jsonEscaped = likePattern(jsonString(value.value()));
        for (String column : table.textColumns()) {
            conditions.add(column + " ilike ?");
            params.add(escaped);
        }
        for (String column : table.jsonColumns()) {
            conditions.add("(" + column + "::text ilike ? or " + column + "::text ilike ?)");
            params.add(escaped);
            params.add(jsonEscaped);
        }
        String select = "select id::text as row_id, "
                + String.join(", ", columns.stream().map(c -> table.jsonColumns().contains(c) ? c + "::text as " + c : c)
                .toList()) + " from " + table.table() + " where " + String.join(" or ", conditions);
        List<Map<String, Object>> rows = jdbc.queryForList(select, params.toArray());
        long changed = 0;
        for (Map<String, Object> row : rows) {
            List<String> sets = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (String column : table.textColumns()) {
                String text = (String) row.get(column);
                if (value.holds(text)) {
                    sets.add(column + " = ?");
                    values.add(value.redact(text));
                }
            }
            for (String column : table.jsonColumns()) {
                String text = (String) row.get(column);
                if (text == null) {
                    continue;
                }
                JsonNode document = readJson(text);
                if (value.redact(document)) {
                    sets.add(column + " = ?::jsonb");
                    values.add(writeJson(document));
                }
            }
            if (!sets.isEmpty()) {
                values.add(row.get("row_id"));
                jdbc.update("update " + table.table() + " set " + String.join(", ", sets) + " where id = ?::"
                        + table.idType(), values.toArray());
                changed++;
            }
        }
        return changed;
    }

    private static String likePattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private String jsonString(String text) {
        String quoted = writeJson(json.getNodeFactory().textNode(text));
        return quoted.substring(1, quoted.length() - 1);
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored JSON", e);
        }
    }

    private String writeJson(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
