package io.leadexport;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** {@link LeadExportProperties} with the documented defaults, built without Spring, for plain unit tests. */
public final class TestProperties {

    private TestProperties() {
    }

    public static LeadExportProperties defaults() {
        return with(ZoneId.of("UTC"), 65536);
    }

    public static LeadExportProperties inZone(ZoneId zone) {
        return with(zone, 65536);
    }

    public static LeadExportProperties with(ZoneId zone, int maxRequestBytes) {
        return new LeadExportProperties(
                zone,
                "https://chat.example.com/conversations/{id}",
                new LeadExportProperties.Phone("US"),
                new LeadExportProperties.Demo(10000),
                new LeadExportProperties.Database(Path.of("./data")),
                new LeadExportProperties.Export(2000, 1000, 6, maxRequestBytes, 1_048_575),
                new LeadExportProperties.Storage(Path.of("./exports"), Duration.ofHours(24)),
                new LeadExportProperties.Jobs(2, Duration.ofSeconds(15), 3),
                new LeadExportProperties.Security(false, Map.of(), null, "roles", "preferred_username"),
                List.of(), Map.of(), Map.of(), new LeadExportProperties.Inbox("./inbox", "./outbox", true));
    }
}
