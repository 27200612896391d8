package io.leadexport.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportFormat;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportTemplate;
import io.leadexport.request.NationalIdPolicy;
import io.leadexport.request.TimeRange;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFileNamerTest {

    private static final OffsetDateTime GENERATED_AT = OffsetDateTime.of(2024, 1, 15, 14, 30, 22, 0, ZoneOffset.UTC);
    private static final TimeRange JAN_8_TO_14 = new TimeRange(Instant.parse("2024-01-08T00:00:00Z"),
            Instant.parse("2024-01-15T00:00:00Z"), "2024-01-08", "2024-01-14");

    private static ExportRequest request(ExportFormat format, ExportTemplate template, ExportFilter filter) {
        return new ExportRequest(format, template, false, template.fields(), filter, NationalIdPolicy.MASKED,
                ExportRequest.DOWNLOAD, false);
    }

    private static ExportFilter filter(List<String> statuses, List<String> policies, TimeRange created,
            String search) {
        return new ExportFilter(statuses, policies, List.of(), created, TimeRange.OPEN, search);
    }

    private static ExportFilter search(String search) {
        return filter(List.of(), List.of(), TimeRange.OPEN, search);
    }

    @Test
    void anUnfilteredFullExportHasNoTemplateAndNoSlug() {
        String name = ExportFileNamer.name(request(ExportFormat.CSV, ExportTemplate.FULL, ExportFilter.NONE),
                GENERATED_AT);

        assertThat(name).isEqualTo("leads_export_2024-01-15_143022.csv");
    }

    @Test
    void aFilteredTemplateExportNamesTemplateAndFilter() {
        ExportFilter filter = filter(List.of("new"), List.of(), JAN_8_TO_14, null);

        String name = ExportFileNamer.name(request(ExportFormat.CSV, ExportTemplate.CRM, filter), GENERATED_AT);

        assertThat(name).isEqualTo("leads_export_crm_status-new_created-2024-01-08-to-2024-01-14_2024-01-15_143022.csv");
    }

    @Test
    void theExtensionFollowsTheFormat() {
        assertThat(ExportFileNamer.name(request(ExportFormat.TEXT, ExportTemplate.BASIC, ExportFilter.NONE),
                GENERATED_AT)).isEqualTo("leads_export_basic_2024-01-15_143022.txt");
        assertThat(ExportFileNamer.name(request(ExportFormat.XLSX, ExportTemplate.FULL, ExportFilter.NONE),
                GENERATED_AT)).endsWith(".xlsx");
        assertThat(ExportFileNamer.name(request(ExportFormat.JSON, ExportTemplate.FULL, ExportFilter.NONE),
                GENERATED_AT)).endsWith(".json");
    }

    @Test
    void theTimestampIsTheGenerationTimeAsGiven() {
        OffsetDateTime inNewYork = OffsetDateTime.of(2024, 1, 15, 9, 30, 22, 0, ZoneOffset.ofHours(-5));

        String name = ExportFileNamer.name(request(ExportFormat.CSV, ExportTemplate.FULL, ExportFilter.NONE),
                inNewYork);

        assertThat(name).isEqualTo("leads_export_2024-01-15_093022.csv");
    }

    @Test
    void everyCriterionIsNamedInAFixedOrder() {
        ExportFilter filter = new ExportFilter(List.of("new"), List.of("Auto"), List.of("US"),
                JAN_8_TO_14, new TimeRange(Instant.EPOCH, null, "2024-01-01", null), "smith");

        String name = ExportFileNamer.name(request(ExportFormat.CSV, ExportTemplate.FULL, filter), GENERATED_AT);

        assertThat(name).isEqualTo("leads_export_status-new_policy-auto_country-us"
                + "_created-2024-01-08-to-2024-01-14_updated-from-2024-01-01_search_2024-01-15_143022.csv");
    }

    @Test
    void anOpenStartIsNamedAsAnUpperBound() {
        ExportFilter filter = filter(List.of(), List.of(), new TimeRange(null, Instant.EPOCH, null, "2024-01-14"),
                null);

        String name = ExportFileNamer.name(request(ExportFormat.CSV, ExportTemplate.FULL, filter), GENERATED_AT);

        assertThat(name).isEqualTo("leads_export_created-to-2024-01-14_2024-01-15_143022.csv");
    }

    @Test
    void aSearchIsNamedWithoutItsText() {
        for (String text : List.of("Zoë Müller-Ñúñez", "anna.smith@example.com", "+1 415-555-0132",
                "../../etc/passwd; rm -rf \"*\" \\ 王 😀 $HOME", "王小明")) {
            String name = ExportFileNamer.name(request(ExportFormat.CSV, ExportTemplate.FULL, search(text)),
                    GENERATED_AT);

            assertThat(name).as(text).isEqualTo("leads_export_search_2024-01-15_143022.csv");
        }
    }

    @Test
    void aVeryLongFilterGivesANameOfAtMost150CharactersKeepingTimestampAndExtension() {
        ExportFilter filter = filter(List.of("new", "contacted", "qualified", "converted", "lost"),
                List.of("Auto", "Home", "Life", "Health", "Travel", "Pet", "Boat"), JAN_8_TO_14,
                "a very long search text ".repeat(10));

        String name = ExportFileNamer.name(request(ExportFormat.JSON, ExportTemplate.CRM, filter), GENERATED_AT);

        assertThat(name).hasSizeLessThanOrEqualTo(150).matches("[a-z0-9._-]+")
                .startsWith("leads_export_crm_status-new-contacted").endsWith("_2024-01-15_143022.json")
                .doesNotContain("-_").doesNotContain("__");
        assertThat(name + "_1f2e3d4c").as("with the suffix a taken name gets").hasSize(150);
    }

    @Test
    void twoDifferentLongFiltersGiveDifferentNames() {
        List<String> policies = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "policy" + i).toList();
        ExportFilter first = filter(List.of(), policies, TimeRange.OPEN, null);
        ExportFilter second = filter(List.of(), policies.subList(0, 39), TimeRange.OPEN, null);

        String firstName = ExportFileNamer.name(request(ExportFormat.CSV, ExportTemplate.FULL, first), GENERATED_AT);
        String secondName = ExportFileNamer.name(request(ExportFormat.CSV, ExportTemplate.FULL, second),
                GENERATED_AT);

        assertThat(firstName).hasSizeLessThanOrEqualTo(150);
        assertThat(secondName).hasSizeLessThanOrEqualTo(150);
        assertThat(firstName).isNotEqualTo(secondName);
    }

    @Test
    void aFilterThatFitsIsNotShortened() {
        String policy = "x".repeat(80);

        String name = ExportFileNamer.name(request(ExportFormat.CSV, ExportTemplate.FULL,
                filter(List.of(), List.of(policy), TimeRange.OPEN, null)), GENERATED_AT);

        assertThat(name).isEqualTo("leads_export_policy-" + policy + "_2024-01-15_143022.csv");
    }
}
