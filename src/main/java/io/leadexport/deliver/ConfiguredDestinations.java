package io.leadexport.deliver;

import java.util.Set;

import io.leadexport.request.DestinationNames;
import io.leadexport.request.ExportRequest;

import org.springframework.stereotype.Component;

/** The destinations a request may name. Only {@code download} until destinations are configured. */
@Component
public class ConfiguredDestinations implements DestinationNames {

    @Override
    public Set<String> all() {
        return Set.of(ExportRequest.DOWNLOAD);
    }
}
