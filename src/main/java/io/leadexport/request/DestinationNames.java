package io.leadexport.request;

import java.util.Set;

/** The destinations a request may name: {@code download} and the configured ones. */
public interface DestinationNames {

    Set<String> all();
}
