package io.leadexport.deliver;

import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where exports may go: every {@code lead-export.destinations.<name>}, and the built-in {@code outbox}, the folder
 * of {@code lead-export.inbox.output-directory}.
 */
@Validated
@ConfigurationProperties("lead-export")
public record DeliveryProperties(
        Map<String, @Valid DestinationProperties> destinations,
        @DefaultValue Outbox inbox) {

    public DeliveryProperties {
        destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
    }

    /** @param outputDirectory the {@code outbox} destination's folder */
    public record Outbox(@DefaultValue("./outbox") String outputDirectory) {
    }
}
