package io.leadexport.query;

import java.util.List;

/** SQL text with positional ({@code ?}) parameters, always bound, never concatenated. */
public record LeadQuery(String sql, List<Object> parameters) {

    public LeadQuery {
        parameters = List.copyOf(parameters);
    }
}
