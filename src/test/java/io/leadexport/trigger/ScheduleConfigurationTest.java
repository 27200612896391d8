package io.leadexport.trigger;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import io.leadexport.deliver.DeliveryProperties;
import io.leadexport.deliver.Destinations;
import io.leadexport.request.ExportFormat;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.request.RequestProperties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schedules as Spring Boot users write configuration: YAML maps and lists, {@code .properties} keys and environment
 * variables, with the strictness of the JSON request. Only the configuration beans start (no database, no Camel), so
 * every refused start-up is fast to check.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduleConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TriggerProperties.class, RequestProperties.class, DeliveryProperties.class})
    @Import({Destinations.class, ExportRequestParser.class, Schedules.class, ConfigurationKeys.class,
            JsonScheduleRequests.class})
    static class ScheduleBeans {

        @org.springframework.context.annotation.Bean
        io.leadexport.request.PresetLookup presetLookup() {
            return io.leadexport.request.PresetLookup.NONE;
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(ScheduleBeans.class)
            .withPropertyValues("lead-export.destinations.crm-drop.type=local",
                    "lead-export.destinations.crm-drop.directory=target/crm-drop");

    @Test
    void aYamlScheduleBindsItsRequestAsMapsAndLists() {
        runner.withInitializer(context -> yaml(context.getEnvironment(), """
                        lead-export:
                          schedules:
                            nightly:
                              cron: "0 0 2 * * ?"
                              zone: Europe/Paris
                              destination: crm-drop
                              incremental: true
                              request:
                                format: xlsx
                                template: crm
                                fields: [fullName, email]
                                filter:
                                  status: [new, contacted]
                                  country: [US]
                                  createdFrom: "2024-01-08"
                        """))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Schedules schedules = context.getBean(Schedules.class);
                    ExportRequest request = schedules.request("nightly", Optional.empty());
                    assertThat(request.format()).isEqualTo(ExportFormat.XLSX);
                    assertThat(request.fields()).extracting(f -> f.key()).containsExactly("fullName", "email");
                    assertThat(request.filter().statuses()).containsExactly("new", "contacted");
                    assertThat(request.filter().countries()).containsExactly("US");
                    assertThat(request.destination()).isEqualTo("crm-drop");
                    assertThat(schedules.zone(schedules.get("nightly").orElseThrow())).hasToString("Europe/Paris");
                });
    }

    @Test
    void propertiesKeysBindTheSameWay() {
        runner.withPropertyValues("lead-export.schedules.nightly.cron=0 0 2 * * ?",
                        "lead-export.schedules.nightly.request.format=csv",
                        "lead-export.schedules.nightly.request.filter.status[0]=new",
                        "lead-export.schedules.nightly.request.filter.status[1]=lost",
                        "lead-export.schedules.nightly.request.national-id=omitted")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ExportRequest request = context.getBean(Schedules.class).request("nightly", Optional.empty());
                    assertThat(request.format()).isEqualTo(ExportFormat.CSV);
                    assertThat(request.filter().statuses()).containsExactly("new", "lost");
                    assertThat(request.nationalId().key()).isEqualTo("omitted");
                    assertThat(request.destination()).isEqualTo("download");
                });
    }

    /**
     * Spring Boot's canonical form of an environment variable drops the dashes ({@code LEADEXPORT_}); only that form
     * can name a schedule, since Spring Boot finds map keys by listing variables.
     */
    @Test
    void environmentVariablesBindTheSameWay() {
        runner.withInitializer(context -> environment(context.getEnvironment(), Map.of(
                        "LEADEXPORT_SCHEDULES_NIGHTLY_CRON", "0 0 2 * * ?",
                        "LEADEXPORT_SCHEDULES_NIGHTLY_DESTINATION", "envdrop",
                        "LEADEXPORT_DESTINATIONS_ENVDROP_TYPE", "local",
                        "LEADEXPORT_DESTINATIONS_ENVDROP_DIRECTORY", "target/env-drop",
                        "LEADEXPORT_SCHEDULES_NIGHTLY_REQUEST_NATIONALID", "omitted",
                        "LEADEXPORT_SCHEDULES_NIGHTLY_REQUEST_TEMPLATE", "crm",
                        "LEADEXPORT_SCHEDULES_NIGHTLY_REQUEST_FILTER_STATUS_0_", "qualified",
                        "LEADEXPORT_SCHEDULES_NIGHTLY_REQUEST_FILTER_POLICY_0_", "Auto")))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ExportRequest request = context.getBean(Schedules.class).request("nightly", Optional.empty());
                    assertThat(request.template().key()).isEqualTo("crm");
                    assertThat(request.filter().statuses()).containsExactly("qualified");
                    assertThat(request.filter().policies()).containsExactly("Auto");
                    assertThat(request.nationalId().key()).isEqualTo("omitted");
                    assertThat(request.destination()).isEqualTo("envdrop");
                });
    }

    @Test
    void aScheduleVariableInTheFormSpringBootCannotListStopsTheStartUpShowingTheOneItCan() {
        assertRefused(runner.withInitializer(context -> environment(context.getEnvironment(),
                        Map.of("LEAD_EXPORT_SCHEDULES_NIGHTLY_CRON", "0 0 2 * * ?"))),
                "LEAD_EXPORT_SCHEDULES_NIGHTLY_CRON", "LEADEXPORT_SCHEDULES_NIGHTLY_CRON");
    }

    @Test
    void anIncrementalRunAsksForWhatChangedSinceTheWatermark() {
        runner.withPropertyValues("lead-export.schedules.nightly.cron=0 0 2 * * ?",
                        "lead-export.schedules.nightly.incremental=true",
                        "lead-export.schedules.nightly.request.filter.status=new")
                .run(context -> {
                    ExportRequest request = context.getBean(Schedules.class)
                            .request("nightly", Optional.of(java.time.Instant.parse("2024-01-08T02:00:00Z")));
                    assertThat(request.filter().statuses()).containsExactly("new");
                    assertThat(request.filter().updated().from()).isEqualTo(java.time.Instant.parse("2024-01-08T02:00:00Z"));
                });
    }

    @Test
    void aMisspeltScheduleKeyStopsTheStartUpNamingIt() {
        assertRefused(runner.withPropertyValues("lead-export.schedules.nightly.cron=0 0 2 * * ?",
                "lead-export.schedules.nightly.incremntal=true"), "lead-export.schedules.nightly.incremntal");
    }

    @Test
    void aMisspeltRequestKeyStopsTheStartUpNamingIt() {
        assertRefused(runner.withPropertyValues("lead-export.schedules.nightly.cron=0 0 2 * * ?",
                "lead-export.schedules.nightly.request.filtr.status[0]=new"),
                "lead-export.schedules.nightly.request.filtr.status[0]");
    }

    @Test
    void anInvalidRequestStopsTheStartUpNamingThePropertyAndTheAllowedValues() {
        assertRefused(runner.withPropertyValues("lead-export.schedules.nightly.cron=0 0 2 * * ?",
                "lead-export.schedules.nightly.request.format=pdf",
                "lead-export.schedules.nightly.request.filter.status[0]=old"),
                "lead-export.schedules.nightly.request.format: 'pdf' is not a format (allowed: csv, xlsx, json, text)",
                "lead-export.schedules.nightly.request.filter.status[0]: 'old' is not a lead status");
    }

    @Test
    void anUnknownDestinationStopsTheStartUpNamingIt() {
        assertRefused(runner.withPropertyValues("lead-export.schedules.nightly.cron=0 0 2 * * ?",
                "lead-export.schedules.nightly.destination=crm-dorp"),
                "lead-export.schedules.nightly.destination: ", "crm-dorp");
    }

    @Test
    void aBadCronStopsTheStartUpNamingIt() {
        assertRefused(runner.withPropertyValues("lead-export.schedules.nightly.cron=0 0 2 * *"),
                "lead-export.schedules.nightly.cron: '0 0 2 * *' is not a Quartz cron expression");
    }

    @Test
    void aJsonStringRequestStopsTheStartUpShowingTheStructuredForm() {
        assertRefused(runner.withPropertyValues("lead-export.schedules.nightly.cron=0 0 2 * * ?",
                "lead-export.schedules.nightly.request={\"template\": \"crm\", \"filter\": {\"status\": [\"new\"]}}"),
                "lead-export.schedules.nightly.request",
                "request:\n        template: crm\n        filter:\n          status: [new]\n");
    }

    @Test
    void unknownKeysInTheDestinationsAndTheInboxStopTheStartUp() {
        assertRefused(runner.withPropertyValues("lead-export.destinations.crm-drop.directroy=/srv/drop"),
                "lead-export.destinations.crm-drop.directroy");
        assertRefused(runner.withPropertyValues("lead-export.inbox.output-dir=/srv/out"),
                "lead-export.inbox.output-dir");
    }

    @Test
    void aStrayTopLevelVariableOnlyWarns(CapturedOutput output) {
        runner.withInitializer(context -> environment(context.getEnvironment(),
                        Map.of("LEAD_EXPORT_PORT", "tcp://10.0.0.7:8080", "LEAD_EXPORT_ZONE", "Europe/Paris")))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RequestProperties.class).zone()).hasToString("Europe/Paris");
                });
        assertThat(output).contains("Ignoring LEAD_EXPORT_PORT: not a setting of this application")
                .doesNotContain("Ignoring LEAD_EXPORT_ZONE");
    }

    private static void assertRefused(ApplicationContextRunner runner, String... expected) {
        runner.run(context -> {
            assertThat(context).hasFailed();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            for (String part : expected) {
                assertThat(messages.toString()).contains(part);
            }
        });
    }

    private static void yaml(org.springframework.core.env.ConfigurableEnvironment environment, String yaml) {
        try {
            new YamlPropertySourceLoader().load("test.yaml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))
                    .forEach(source -> environment.getPropertySources().addFirst(source));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Variables as the process environment would hold them (Spring Boot maps LEAD_EXPORT_X_Y to lead-export.x.y). */
    private static void environment(org.springframework.core.env.ConfigurableEnvironment environment,
                                    Map<String, Object> variables) {
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    }
}
