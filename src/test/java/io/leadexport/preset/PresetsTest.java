package io.leadexport.preset;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadexport.audit.AuditLog;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.request.ExportTemplate;
import io.leadexport.request.ExportRequestDocument;
import io.leadexport.request.InvalidExportRequestException;
import io.leadexport.security.ExportPermissions;
import io.leadexport.security.ExportUser;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.TestLeads;
import io.leadexport.trigger.TriggerProperties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code /api/leads/export/presets} over HTTP, and presets named by requests, schedules and inbox files. */
@EndToEndTest
class PresetsTest {

    private static final String PRESETS = "/api/leads/export/presets/";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    PresetStore store;
    @Autowired
    ExportRequestParser parser;
    @Autowired
    ExportPermissions permissions;
    @Autowired
    AuditLog auditLog;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        jdbc.update("delete from export_presets");
        new TestLeads(jdbc).deleteAll();
        new TestLeads(jdbc).insert(TestLeads.plain("Jane Doe", Instant.parse("2024-03-05T17:30:00Z")));
    }

    @Test
    void aRequestNamingItsOwnersPresetGetsThePresetWithItsOwnKeysOnTop() throws Exception {
        HttpResponse<byte[]> saved = api.put("manager", PRESETS + "weekly-auto", """
                {"request": {"format": "json", "template": "basic", "filter": {"status": ["new"], "policy": ["Auto"]}},
                 "shared": false}""");
        assertThat(saved.statusCode()).as(Api.text(saved)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select action from audit_log where target = 'weekly-auto' and actor = 'manager'", String.class))
                .contains("preset-save"));

        HttpResponse<byte[]> started = api.post("manager", "/api/leads/export", """
                {"preset": "weekly-auto", "format": "csv", "filter": {"country": ["US"], "policy": null}}""");

        assertThat(started.statusCode()).as(Api.text(started)).isEqualTo(202);
        JsonNode request = json.readTree(started.body()).get("request");
        assertThat(request.get("preset").asText()).isEqualTo("weekly-auto");
        assertThat(request.get("format").asText()).as("the request's own key wins").isEqualTo("csv");
        assertThat(request.get("template").asText()).as("from the preset").isEqualTo("basic");
        assertThat(request.get("filter").toString()).as("filters merge key by key; null removes the preset's")
                .isEqualTo("{\"status\":[\"new\"],\"country\":[\"US\"]}");
    }

    @Test
    void listsTheCallersPresetsAndTheSharedOnesButNotOtherUsersPrivateOnes() throws Exception {
        api.put("manager", PRESETS + "mine", "{\"request\": {\"template\": \"basic\"}}");
        api.put("manager2", PRESETS + "theirs", "{\"request\": {\"template\": \"crm\"}}");
        api.put("admin", PRESETS + "team", "{\"request\": {\"format\": \"xlsx\"}, \"shared\": true}");

        JsonNode items = json.readTree(api.get("manager", "/api/leads/export/presets").body()).get("items");

        assertThat(items).extracting(i -> i.get("name").asText()).containsExactly("mine", "team");
        assertThat(items.get(1).get("shared").asBoolean()).isTrue();
        assertThat(items.get(1).get("owner").asText()).isEqualTo("admin");
        HttpResponse<byte[]> other = api.post("manager", "/api/leads/export", "{\"preset\": \"theirs\"}");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(Api.text(other)).contains("\"field\":\"preset\"").contains("\"allowed\":[\"mine\",\"team\"]");
    }

    @Test
    void aPresetNeverHoldsADestinationNorNamesAnotherPreset() {
        HttpResponse<byte[]> withDestination = api.put("admin", PRESETS + "to-folder",
                "{\"request\": {\"destination\": \"download\", \"format\": \"pdf\"}}");
        HttpResponse<byte[]> nested = api.put("admin", PRESETS + "nested", "{\"request\": {\"preset\": \"x\"}}");

        assertThat(withDestination.statusCode()).isEqualTo(400);
        assertThat(Api.text(withDestination)).contains("\"field\":\"request.destination\"")
                .contains("\"field\":\"request.format\"");
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(Api.text(nested)).contains("\"field\":\"request.preset\"");
        assertThat(store.list("admin")).isEmpty();
    }

    @Test
    void badNamesAndBodiesAreClearErrors() {
        assertThat(Api.text(api.put("admin", PRESETS + "Bad_Name", "{\"request\": {}}")))
                .contains("\"status\":400").contains("\"field\":\"name\"");
        assertThat(Api.text(api.put("admin", PRESETS + "ok", "{\"request\": {}, \"shard\": true}")))
                .contains("\"status\":400").contains("\"field\":\"shard\"");
        assertThat(Api.text(api.put("admin", PRESETS + "ok", "{\"request\": {\"fromat\": \"csv\"}}")))
                .contains("\"status\":400").contains("\"field\":\"request.fromat\"");
    }

    @Test
    void onlyAnAdminShares() {
        HttpResponse<byte[]> refused = api.put("manager", PRESETS + "mine", "{\"request\": {}, \"shared\": true}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Api.text(refused)).contains("\"field\":\"shared\"");
        assertThat(store.list("manager")).isEmpty();
    }

    @Test
    void aSharedPresetCannotGiveAManagerPlainNationalIds() {
        assertThat(api.put("admin", PRESETS + "audit-plain",
                "{\"request\": {\"nationalId\": \"plain\"}, \"shared\": true}").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> manager = api.post("manager", "/api/leads/export", "{\"preset\": \"audit-plain\"}");
        HttpResponse<byte[]> admin = api.post("admin", "/api/leads/export", "{\"preset\": \"audit-plain\"}");

        assertThat(manager.statusCode()).isEqualTo(403);
        assertThat(Api.text(manager)).contains("\"field\":\"nationalId\"");
        assertThat(admin.statusCode()).isEqualTo(202);
    }

    @Test
    void aManagerCannotSaveWhatItMayNotExport() {
        HttpResponse<byte[]> refused = api.put("manager", PRESETS + "plain", "{\"request\": {\"nationalId\": \"plain\"}}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Api.text(refused)).contains("\"field\":\"request.nationalId\"");
    }

    @Test
    void deletesTheCallersPresetThenAnswers404() {
        api.put("manager", PRESETS + "mine", "{\"request\": {}}");

        assertThat(api.delete("manager2", PRESETS + "mine").statusCode()).as("not theirs").isEqualTo(404);
        assertThat(api.delete("manager", PRESETS + "mine").statusCode()).isEqualTo(200);
        assertThat(api.delete("manager", PRESETS + "mine").statusCode()).isEqualTo(404);
    }

    @Test
    void inboxFilesAndSchedulesMayNameSharedPresetsOnly() {
        api.put("admin", PRESETS + "team", "{\"request\": {\"template\": \"crm\"}, \"shared\": true}");
        api.put("admin", PRESETS + "private", "{\"request\": {\"template\": \"basic\"}}");

        // What the inbox and the schedules call: no caller, so shared presets only.
        ExportRequest shared = parser.fromJson("{\"preset\": \"team\"}");

        assertThat(shared.template()).isEqualTo(ExportTemplate.CRM);
        assertThatThrownBy(() -> parser.fromJson("{\"preset\": \"private\"}"))
                .isInstanceOf(InvalidExportRequestException.class)
                .hasMessageContaining("preset: 'private' is not a preset shared by an ADMIN");
    }

    @Test
    void aSharedPresetThatAConfiguredScheduleNamesCannotBeDeletedUnsharedOrBroken() {
        api.put("admin", PRESETS + "nightly", "{\"request\": {\"template\": \"crm\"}, \"shared\": true}");
        Presets withSchedule = new Presets(store, parser, permissions, json, withSchedules(Map.of(
                "crm-nightly", new TriggerProperties.Schedule("0 0 2 * * ?", new ExportRequestDocument("csv", "crm",
                        null, null, null, null, null, "nightly", null, null), null, true))), auditLog);
        ExportUser admin = new ExportUser("admin", java.util.Set.of(ExportUser.ADMIN));

        assertThatThrownBy(() -> withSchedule.delete("nightly", admin))
                .isInstanceOf(PresetConflictException.class).hasMessageContaining("[crm-nightly]");
        assertThatThrownBy(() -> withSchedule.save("nightly", object("{\"template\": \"crm\"}"), false, admin))
                .isInstanceOf(PresetConflictException.class).hasMessageContaining("[crm-nightly]");
        assertThatThrownBy(() -> withSchedule.save("nightly",
                object("{\"template\": \"salesforce\", \"labels\": {\"lastName\": \"Surname\"}}"), true, admin))
                .as("the schedule's own template is crm, which has no lastName column")
                .isInstanceOf(PresetConflictException.class).hasMessageContaining("[crm-nightly]");
        withSchedule.save("nightly", object("{\"template\": \"crm\", \"csvBom\": true}"), true, admin);
        assertThat(store.shared("nightly").orElseThrow().requestJson()).contains("csvBom");
        assertThat(store.shared("nightly")).isPresent();
        assertThat(withSchedule.list(admin).get(0).get("schedules")).isEqualTo(List.of("crm-nightly"));
    }

    @Test
    void erasureRemovesASearchTextFromPresets() throws Exception {
        api.put("manager", PRESETS + "one-person", "{\"request\": {\"filter\": {\"search\": \"Zebulon Quux\"}}}");

        HttpResponse<byte[]> erased = api.post("admin", "/api/leads/export/erasure", "{\"search\": \"zebulon quux\"}");

        assertThat(erased.statusCode()).as(Api.text(erased)).isEqualTo(200);
        assertThat(json.readTree(erased.body()).at("/erased/export_presets").asLong()).isEqualTo(1);
        assertThat(store.own("manager", "one-person").orElseThrow().requestJson()).doesNotContain("Zebulon")
                .contains("[erased]");
    }

    private ObjectNode object(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TriggerProperties withSchedules(Map<String, TriggerProperties.Schedule> schedules) {
        return new TriggerProperties(schedules, new TriggerProperties.Inbox("./inbox", false));
    }
}
