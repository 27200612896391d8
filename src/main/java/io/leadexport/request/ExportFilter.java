package io.leadexport.request;

import java.util.List;

/**
 * A validated filter. Lists are "any of"; empty lists and null values do not filter.
 *
 * @param statuses  lead statuses, lower case
 * @param policies  policies of interest, compared case-insensitively
 * @param countries ISO 3166-1 alpha-2 codes, upper case
 * @param search    contained in name, e-mail or phone (case-insensitive)
 */
public record ExportFilter(
        List<String> statuses,
        List<String> policies,
        List<String> countries,
        TimeRange created,
        TimeRange updated,
        String search) {

    public static final ExportFilter NONE =
            new ExportFilter(List.of(), List.of(), List.of(), TimeRange.OPEN, TimeRange.OPEN, null);

    public ExportFilter {
        statuses = List.copyOf(statuses);
        policies = List.copyOf(policies);
        countries = List.copyOf(countries);
    }

    public boolean isEmpty() {
        return statuses.isEmpty() && policies.isEmpty() && countries.isEmpty() && created.isOpen()
                && updated.isOpen() && (search == null || search.isEmpty());
    }
}
