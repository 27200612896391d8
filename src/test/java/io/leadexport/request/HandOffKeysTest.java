package io.leadexport.request;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadexport.TestProperties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request keys {@code preset}, {@code labels} and {@code notify}, and CRM profile templates, as parsed. */
class HandOffKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExportRequestParser parser = new ExportRequestParser(TestProperties.defaults(RequestProperties.class),
            () -> Set.of("download"), new PresetLookup() {
                @Override
                public Optional<ObjectNode> find(String name, String owner) {
                    return "team".equals(name) ? Optional.of(object("{\"template\": \"basic\", \"format\": \"json\"}"))
                            : Optional.empty();
                }

                @Override
                public List<String> names(String owner) {
                    return List.of("team");
                }
            });

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    @Test
    void labelsRenameColumnsByKeyAndKeepTheOthers() {
        ExportRequest request = parser.fromJson(q("{'template': 'basic', 'labels': {'fullName': ' Name ', 'email': 'E-mail'}}"));

        assertThat(request.columns()).extracting(ExportColumn::label)
                .containsExactly("Name", "Phone Number", "E-mail", "Status", "Created Date");
        assertThat(RequestSummary.request(request).get("labels")).isEqualTo(Map.of("fullName", "Name", "email", "E-mail"));
    }

    @Test
    void aLabelForAColumnTheExportDoesNotHaveIsAnErrorListingItsColumns() {
        assertThatThrownBy(() -> parser.fromJson(q("{'template': 'basic', 'labels': {'notes': 'Remarks'}}")))
                .isInstanceOfSatisfying(InvalidExportRequestException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("labels.notes");
                    assertThat(e.errors().get(0).allowed()).contains("fullName", "createdAt");
                });
    }

    @Test
    void labelsMustBeOneLineAndMustNotNameTwoColumnsAlike() {
        assertThatThrownBy(() -> parser.fromJson(q("{'labels': {'fullName': 'Name\\nX'}}")))
                .hasMessageContaining("labels.fullName: must be one line");
        assertThatThrownBy(() -> parser.fromJson(q("{'labels': {'fullName': 'Email'}}")))
                .hasMessageContaining("two columns would both be named 'Email'");
        assertThatThrownBy(() -> parser.fromJson(q("{'labels': {'fullName': ''}}")))
                .hasMessageContaining("labels.fullName: is empty");
    }

    @Test
    void notifyIsOnUnlessTheRequestSaysFalse() {
        assertThat(parser.fromJson("{}").notifyWhenDone()).isTrue();
        assertThat(parser.fromJson(q("{'notify': false}")).notifyWhenDone()).isFalse();
        assertThatThrownBy(() -> parser.fromJson(q("{'notify': 'maybe'}"))).hasMessageContaining("notify");
    }

    @Test
    void aCrmProfileHasItsOwnColumnsAndItsStoredRequestParsesBackTheSame() {
        ExportRequest salesforce = parser.fromJson(q("{'template': 'salesforce', 'labels': {'leadStatus': 'Status'}}"));
        String stored = toJson(RequestSummary.request(salesforce));

        ExportRequest again = parser.fromStoredJson(stored);

        assertThat(salesforce.columnKeys()).startsWith("firstName", "lastName", "company");
        assertThat(salesforce.e164Phones()).isTrue();
        assertThat(again).isEqualTo(salesforce);
        assertThatThrownBy(() -> parser.fromJson(q("{'template': 'hubspot', 'fields': ['email']}")))
                .hasMessageContaining("fields: template 'hubspot' is a CRM profile");
    }

    @Test
    void aStoredRequestKeepsItsPresetNameWithoutApplyingThePresetAgain() {
        ExportRequest merged = parser.fromJson(q("{'preset': 'team', 'format': 'csv'}"));
        ExportRequest stored = parser.fromStoredJson(toJson(RequestSummary.request(merged)));

        assertThat(merged.template()).isEqualTo(ExportTemplate.BASIC);
        assertThat(merged.format()).isEqualTo(ExportFormat.CSV);
        assertThat(stored.columns()).isEqualTo(merged.columns());
        assertThat(stored.format()).isEqualTo(ExportFormat.CSV);
        assertThat(stored.preset()).isEqualTo("team");
    }

    @Test
    void anUnknownPresetIsAnErrorListingTheOnesThatExist() {
        assertThatThrownBy(() -> parser.fromJson(q("{'preset': 'nope'}")))
                .isInstanceOfSatisfying(InvalidExportRequestException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("preset");
                    assertThat(e.errors().get(0).allowed()).containsExactly("team");
                });
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
