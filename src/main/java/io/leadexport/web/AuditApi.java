package io.leadexport.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.leadexport.request.RequestProperties;
import io.leadexport.audit.AuditAction;
import io.leadexport.audit.AuditEntries;
import io.leadexport.query.Page;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/leads/export/audit} (ADMIN): the audit log, newest first, paged, filtered by time ({@code from},
 * {@code to}: a day in the export zone or an ISO-8601 instant, inclusive), {@code user} and {@code action}.
 */
@Component("auditApi")
public class AuditApi {

    private static final String TITLE = "Invalid audit query";

    private final AuditEntries entries;
    private final ZoneId zone;

    public AuditApi(AuditEntries entries, RequestProperties properties) {
        this.entries = entries;
        this.zone = properties.zone();
    }

    public Page list(@Header("page") String page, @Header("size") String size, @Header("from") String from,
                     @Header("to") String to, @Header("user") String user, @Header("action") String action) {
        Instant fromInstant = blank(from) ? null : bound("from", from, false);
        Instant toInstant = blank(to) ? null : bound("to", to, true);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new ProblemException(400, TITLE, "from '" + from + "' is after to '" + to + "'");
        }
        AuditAction chosen = null;
        if (!blank(action)) {
            chosen = AuditAction.byKey(action.strip()).orElseThrow(() -> new ProblemException(400, TITLE,
                    "action '" + action + "' is not one of " + String.join(", ", AuditAction.keys())));
        }
        return entries.page(new AuditEntries.AuditQuery(fromInstant, toInstant, blank(user) ? null : user.strip(),
                chosen, number("page", page, 0, 0, Integer.MAX_VALUE),
                number("size", size, 20, 1, JobApi.MAX_PAGE_SIZE)));
    }

    private Instant bound(String name, String text, boolean upper) {
        try {
            if (text.strip().length() == 10) {
                LocalDate day = LocalDate.parse(text.strip());
                return (upper ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            Instant instant = OffsetDateTime.parse(text.strip()).toInstant();
            return upper ? instant.plusNanos(1000) : instant;
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, TITLE,
                    name + " '" + text + "' is not a date (yyyy-MM-dd) or an ISO-8601 instant");
        }
    }

    private static int number(String name, String text, int fallback, int min, int max) {
        if (blank(text)) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Invalid page", name + " '" + text + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new ProblemException(400, "Invalid page", name + " must be from " + min + " to " + max);
        }
        return value;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
