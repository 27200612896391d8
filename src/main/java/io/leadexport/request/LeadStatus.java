package io.leadexport.request;

import java.util.List;

/** The lead statuses of the lead table (docs/api.md, "The export request"). */
public final class LeadStatus {

    public static final List<String> ALL = List.of("new", "contacted", "qualified", "converted", "lost");

    private LeadStatus() {
    }
}
