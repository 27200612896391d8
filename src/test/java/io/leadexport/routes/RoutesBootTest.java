package io.leadexport.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadexport.support.EndToEndTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Boots every route from routes/ (packaged under classpath:camel/): a YAML typo or a lost route fails the build. */
@EndToEndTest
class RoutesBootTest {

    @Autowired
    CamelContext camel;

    @Test
    void everyRouteStartsWithItsExpectedId() {
        assertThat(camel.getRoutes()).extracting(Route::getRouteId)
                .contains("run-export", "download-export", "stream-export", "list-export-fields", "submit-export",
                        "preview-export", "list-export-jobs", "get-export-job", "cancel-export-job",
                        "download-export-job-file", "list-export-history", "list-audit-entries", "erase-stored-values", "respond-json", "start-export",
                        "list-export-schedules", "run-export-schedule", "pause-export-schedule",
                        "resume-export-schedule", "list-inbox-files", "describe-session", "start-session", "end-session",
                        "claim-export-jobs", "run-export-job", "heartbeat-export-jobs", "recover-export-jobs",
                        "sweep-export-files", "sweep-export-notifications", "send-export-notification", "record-history", "deliver-export", "deliver-local", "deliver-http", "deliver-sftp",
                        "trigger-inbox", "list-export-presets", "save-export-preset", "delete-export-preset")
                .allSatisfy(id -> assertThat(id).as("route ids are kebab-case verb-noun, never generated")
                        .matches("[a-z]+(-[a-z]+)+"));
        assertThat(camel.getRouteController().getRouteStatus("run-export").isStarted()).isTrue();
        assertThat(((ModelCamelContext) camel).getRouteTemplateDefinition("scheduled-export")).as("the schedule route template").isNotNull();
    }
}
