package io.leadexport.trigger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.request.ExportRequestDocument;
import io.leadexport.request.RequestProperties;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.request.ExportTemplate;
import io.leadexport.support.EndToEndTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A schedule that names a preset: a shared one is merged under the schedule's request at every tick; one that does
 * not exist (or is not shared) stops the start-up, naming the property. The schedule trigger is built here as the
 * application builds it at start-up, on the application's database.
 */
@EndToEndTest
class SchedulePresetTest {

    @Autowired
    ExportRequestParser parser;
    @Autowired
    ObjectMapper json;
    @Autowired
    DataSource dataSource;
    @Autowired
    RequestProperties requestProperties;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc.update("delete from export_presets");
    }

    @Test
    void aScheduleNamingAPresetThatIsNotSharedStopsTheStartUpNamingTheProperty() {
        jdbc.update("insert into export_presets (owner, name, shared, request, updated_by) "
                + "values ('admin', 'private-one', false, '{\"template\": \"basic\"}', 'admin')");

        assertThatThrownBy(() -> schedules(Map.of("nightly", schedule("{\"preset\": \"crm-nightly\"}"))))
                .hasMessageContaining("lead-export.schedules.nightly.request")
                .hasMessageContaining("preset: 'crm-nightly' is not a preset shared by an ADMIN");
        assertThatThrownBy(() -> schedules(Map.of("nightly", schedule("{\"preset\": \"private-one\"}"))))
                .hasMessageContaining("preset: 'private-one' is not a preset shared by an ADMIN");
    }

    @Test
    void aTickMergesTheSharedPresetUnderTheSchedulesRequestAndDestination() {
        jdbc.update("insert into export_presets (owner, name, shared, request, updated_by) values ('admin', "
                + "'crm-nightly', true, '{\"template\": \"salesforce\", \"filter\": {\"status\": [\"new\"]}}', 'admin')");
        TriggerProperties.Schedule nightly = schedule("{\"preset\": \"crm-nightly\", \"format\": \"xlsx\"}");

        ExportRequest request = schedules(Map.of("nightly", nightly)).request("nightly", Optional.empty());

        assertThat(request.template()).isEqualTo(ExportTemplate.SALESFORCE);
        assertThat(request.format().key()).isEqualTo("xlsx");
        assertThat(request.filter().statuses()).containsExactly("new");
        assertThat(request.preset()).isEqualTo("crm-nightly");
    }

    private Schedules schedules(Map<String, TriggerProperties.Schedule> schedules) {
        return new Schedules(new TriggerProperties(schedules, new TriggerProperties.Inbox("./inbox", false)),
                requestProperties, parser);
    }

    private TriggerProperties.Schedule schedule(String request) {
        try {
            return new TriggerProperties.Schedule("0 0 2 * * ?", json.readValue(request, ExportRequestDocument.class),
                    null, false);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
