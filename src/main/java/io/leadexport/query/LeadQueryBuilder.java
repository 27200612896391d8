package io.leadexport.query;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import io.leadexport.request.ExportFilter;
import io.leadexport.request.TimeRange;

import org.springframework.stereotype.Component;

/**
 * Builds the parameterised SQL for a filter. Column names and the sort come from this class, never from input;
 * every value a client sent is a bound parameter.
 */
@Component("leadQueryBuilder")
public class LeadQueryBuilder {

    /** Every column a record needs; the row mapper reads them by these names. */
    static final String COLUMNS = "id, full_name, phone, email, national_id, address_line1, address_line2, city, "
            + "region, postal_code, country, policy_of_interest, preferred_contact_time, notes, status, "
            + "conversation_id, created_at, updated_at";

    /** Oldest first, with the id as a tie-break so the order is total and repeatable. */
    static final String ORDER = " order by created_at, id";

    public LeadQuery select(ExportFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return new LeadQuery("select " + COLUMNS + " from leads" + where + ORDER, params);
    }

    /** The first {@code limit} matching leads, for previews. */
    public LeadQuery select(ExportFilter filter, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        return new LeadQuery("select " + COLUMNS + " from leads" + where + ORDER + " limit ?", params);
    }

    /** Whether one lead matches a filter: {@code select exists(...)} with the lead's id bound first. */
    public LeadQuery matches(ExportFilter filter, java.util.UUID leadId) {
        List<Object> params = new ArrayList<>();
        params.add(leadId);
        String where = where(filter, params);
        String more = where.isEmpty() ? "" : " and " + where.substring(" where ".length());
        return new LeadQuery("select exists (select 1 from leads where id = ?" + more + ")", params);
    }

    public LeadQuery count(ExportFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return new LeadQuery("select count(*) from leads" + where, params);
    }

    private static String where(ExportFilter filter, List<Object> params) {
        StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        if (!filter.statuses().isEmpty()) {
            where.add("status = any(?)");
            params.add(filter.statuses().toArray(String[]::new));
        }
        if (!filter.policies().isEmpty()) {
            where.add("lower(policy_of_interest) = any(?)");
            params.add(filter.policies().stream().map(p -> p.toLowerCase(Locale.ROOT)).toArray(String[]::new));
        }
        if (!filter.countries().isEmpty()) {
            where.add("upper(country) = any(?)");
            params.add(filter.countries().toArray(String[]::new));
        }
        range(where, params, "created_at", filter.created());
        range(where, params, "updated_at", filter.updated());
        if (filter.search() != null) {
            String pattern = "%" + escapeLike(filter.search()) + "%";
            String digits = filter.search().replaceAll("\\D", "");
            if (digits.length() >= 3 && filter.search().matches("[\\d\\s()+.\\-]+")) {
                // A phone-like search also matches numbers captured with other punctuation.
                where.add("(full_name ilike ? or email ilike ? or phone ilike ?"
                        + " or regexp_replace(phone, '[^0-9]', '', 'g') like ?)");
                params.add(pattern);
                params.add(pattern);
                params.add(pattern);
                params.add("%" + digits + "%");
            } else {
                where.add("(full_name ilike ? or email ilike ? or phone ilike ?)");
                params.add(pattern);
                params.add(pattern);
                params.add(pattern);
            }
        }
        return where.toString();
    }

    private static void range(StringJoiner where, List<Object> params, String column, TimeRange range) {
        if (range.from() != null) {
            where.add(column + " >= ?");
            params.add(OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
        }
        if (range.toExclusive() != null) {
            where.add(column + " < ?");
            params.add(OffsetDateTime.ofInstant(range.toExclusive(), ZoneOffset.UTC));
        }
    }

    /** LIKE treats {@code %} and {@code _} as wildcards; a search for "50%" means the text. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
