package io.leadexport.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.leadexport.request.LeadStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/leads/export/values}: the status, policy and country values present in the leads, with how many
 * leads have each, most frequent first, so a person picks values that exist instead of typing {@code UK} for
 * {@code GB}. Values are grouped as the filter compares them: policies ignoring case (shown in their most common
 * spelling), countries in upper case. Every status is listed, with 0 where no lead has it.
 */
@Component("leadValues")
public class LeadValues {

    /** More distinct values than this is not a pick-list any more. */
    static final int LIMIT = 200;

    private static final String STATUSES = "select status as value, count(*) as leads from leads group by status";
    private static final String POLICIES = "select mode() within group (order by policy_of_interest) as value, "
            + "count(*) as leads from leads where nullif(trim(policy_of_interest), '') is not null "
            + "group by lower(policy_of_interest) order by leads desc, lower(policy_of_interest) limit " + LIMIT;
    private static final String COUNTRIES = "select upper(country) as value, count(*) as leads from leads "
            + "where nullif(trim(country), '') is not null group by upper(country) order by leads desc, value limit "
            + LIMIT;

    private final JdbcTemplate jdbc;

    public LeadValues(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Map<String, Object> describe() {
        Map<String, Long> statusCounts = new LinkedHashMap<>();
        jdbc.query(STATUSES, rs -> {
            statusCounts.put(rs.getString("value"), rs.getLong("leads"));
        });
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("status", LeadStatus.ALL.stream().map(s -> value(s, statusCounts.getOrDefault(s, 0L))).toList());
        values.put("policy", counts(POLICIES));
        values.put("country", counts(COUNTRIES));
        return values;
    }

    private List<Map<String, Object>> counts(String sql) {
        return jdbc.query(sql, (rs, n) -> value(rs.getString("value"), rs.getLong("leads")));
    }

    private static Map<String, Object> value(String value, long leads) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("value", value);
        map.put("leads", leads);
        return map;
    }
}
