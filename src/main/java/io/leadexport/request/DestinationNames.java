package io.leadexport.request;

import java.util.Optional;
import java.util.Set;

/** The destinations a request may name: {@code download} and the configured ones. */
public interface DestinationNames {

    Set<String> all();

    /** What a destination does, in plain words for the people who choose it. */
    default String description(String name) {
        return name;
    }

    /** The one format a destination accepts, if it takes only one (a CRM's HTTP API takes JSON). */
    default Optional<ExportFormat> requiredFormat(String name) {
        return Optional.empty();
    }
}
