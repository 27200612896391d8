package io.leadexport.trigger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.leadexport.support.EndToEndTest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with two schedules, shared by the tests that extend this class (they declare no properties of
 * their own, so Spring gives them one context): {@code nightly}, incremental, every two seconds, to the local
 * folder {@code drop}; and {@code weekly}, Mondays at 07:00 in Paris, which does not tick during the tests and is run,
 * paused and resumed by hand, to {@code weekly-drop}. The inbox is on, in {@code drop/inbox}, with its outbox in
 * {@code drop/outbox}.
 */
@EndToEndTest
public abstract class ScheduleTestContext {

    /** Where the schedules deliver: a folder of this context's own (it outlives each test class). */
    protected static Path drop;

    @DynamicPropertySource
    static void schedules(DynamicPropertyRegistry registry) throws IOException {
        drop = Files.createDirectories(Path.of("target", "test-schedules", UUID.randomUUID().toString()))
                .toAbsolutePath();
        registry.add("lead-export.destinations.drop.type", () -> "local");
        registry.add("lead-export.destinations.drop.directory", () -> drop.resolve("crm").toString());
        registry.add("lead-export.schedules.nightly.cron", () -> "0/2 * * * * ?");
        registry.add("lead-export.schedules.nightly.request.fields", () -> "leadId,fullName,status");
        registry.add("lead-export.schedules.nightly.request.filter.status[0]", () -> "new");
        registry.add("lead-export.schedules.nightly.request.filter.status[1]", () -> "contacted");
        registry.add("lead-export.schedules.nightly.destination", () -> "drop");
        registry.add("lead-export.schedules.nightly.incremental", () -> "true");
        registry.add("lead-export.schedules.nightly.notify-on-failure[0]", () -> "ops@example.com");
        registry.add("lead-export.schedules.nightly.notify-on-failure[1]", () -> "crm-team@example.com");
        // A schedule that does not tick during the tests: run by hand, paused and resumed over HTTP.
        registry.add("lead-export.destinations.weekly-drop.type", () -> "local");
        registry.add("lead-export.destinations.weekly-drop.directory", () -> drop.resolve("weekly").toString());
        registry.add("lead-export.schedules.weekly.cron", () -> "0 0 7 ? * MON");
        registry.add("lead-export.schedules.weekly.zone", () -> "Europe/Paris");
        registry.add("lead-export.schedules.weekly.destination", () -> "weekly-drop");
        registry.add("lead-export.schedules.weekly.request.fields", () -> "fullName,status");
        registry.add("lead-export.schedules.weekly.request.filter.status[0]", () -> "lost");
        // The inbox, with folders of this context's own.
        registry.add("lead-export.inbox.enabled", () -> "true");
        registry.add("lead-export.inbox.directory", () -> drop.resolve("inbox").toString());
        registry.add("lead-export.inbox.output-directory", () -> drop.resolve("outbox").toString());
    }
}
