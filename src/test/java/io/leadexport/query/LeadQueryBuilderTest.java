package io.leadexport.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.leadexport.request.ExportFilter;
import io.leadexport.request.TimeRange;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadQueryBuilderTest {

    private static final Instant JAN_8 = Instant.parse("2024-01-08T05:00:00Z");
    private static final Instant JAN_15 = Instant.parse("2024-01-15T05:00:00Z");

    private final LeadQueryBuilder builder = new LeadQueryBuilder();

    private static ExportFilter filter(List<String> statuses, List<String> policies, List<String> countries,
            TimeRange created, TimeRange updated, String search) {
        return new ExportFilter(statuses, policies, countries, created, updated, search);
    }

    private static ExportFilter search(String search) {
        return filter(List.of(), List.of(), List.of(), TimeRange.OPEN, TimeRange.OPEN, search);
    }

    private static long placeholders(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }

    @Test
    void noFilterSelectsEveryLeadOldestFirstWithoutAWhereClause() {
        LeadQuery query = builder.select(ExportFilter.NONE);

        assertThat(query.sql()).startsWith("select id, full_name, phone, ").contains(" from leads")
                .doesNotContain(" where ").endsWith(" order by created_at, id");
        assertThat(query.parameters()).isEmpty();
    }

    @Test
    void theSelectReadsTheColumnsInTheOrderTheRowMapperExpects() {
        LeadQuery query = builder.select(ExportFilter.NONE);

        assertThat(query.sql()).startsWith("select id, full_name, phone, email, national_id, address_line1, "
                + "address_line2, city, region, postal_code, country, policy_of_interest, preferred_contact_time, "
                + "notes, status, conversation_id, created_at, updated_at from leads");
    }

    @Test
    void statusesAreOneBoundArrayParameter() {
        LeadQuery query = builder.select(
                filter(List.of("new", "contacted"), List.of(), List.of(), TimeRange.OPEN, TimeRange.OPEN, null));

        assertThat(query.sql()).contains(" where status = any(?)").doesNotContain("'new'").doesNotContain("contacted");
        assertThat(query.parameters()).hasSize(1);
        assertThat(query.parameters().get(0)).isInstanceOf(String[].class)
                .isEqualTo(new String[] {"new", "contacted"});
    }

    @Test
    void policiesAreComparedLowerCased() {
        LeadQuery query = builder.select(
                filter(List.of(), List.of("Auto", "HOME"), List.of(), TimeRange.OPEN, TimeRange.OPEN, null));

        assertThat(query.sql()).contains(" where lower(policy_of_interest) = any(?)").doesNotContain("auto");
        assertThat(query.parameters()).containsExactly((Object) new String[] {"auto", "home"});
    }

    @Test
    void countriesAreOneBoundArrayParameter() {
        LeadQuery query = builder.select(
                filter(List.of(), List.of(), List.of("US", "DE"), TimeRange.OPEN, TimeRange.OPEN, null));

        assertThat(query.sql()).contains(" where upper(country) = any(?)").doesNotContain("'US'");
        assertThat(query.parameters()).containsExactly((Object) new String[] {"US", "DE"});
    }

    @Test
    void aCreatedRangeIsHalfOpenWithUtcTimestamps() {
        TimeRange created = new TimeRange(JAN_8, JAN_15, "2024-01-08", "2024-01-14");

        LeadQuery query = builder.select(filter(List.of(), List.of(), List.of(), created, TimeRange.OPEN, null));

        assertThat(query.sql()).contains(" where created_at >= ? and created_at < ?").doesNotContain("2024");
        assertThat(query.parameters()).containsExactly(
                OffsetDateTime.of(2024, 1, 8, 5, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 1, 15, 5, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void anUpdatedRangeOpenAtOneEndBindsOnlyTheOtherEnd() {
        TimeRange updated = new TimeRange(null, JAN_15, null, "2024-01-14");

        LeadQuery query = builder.select(filter(List.of(), List.of(), List.of(), TimeRange.OPEN, updated, null));

        assertThat(query.sql()).contains(" where updated_at < ?").doesNotContain(">=");
        assertThat(query.parameters()).singleElement().isInstanceOfSatisfying(OffsetDateTime.class,
                time -> assertThat(time.getOffset()).isEqualTo(ZoneOffset.UTC));
    }

    @Test
    void aSearchLooksInNameEmailAndPhoneCaseInsensitively() {
        LeadQuery query = builder.select(search("smith"));

        assertThat(query.sql()).contains(" where (full_name ilike ? or email ilike ? or phone ilike ?)")
                .doesNotContain("smith").doesNotContain("regexp_replace");
        assertThat(query.parameters()).containsExactly("%smith%", "%smith%", "%smith%");
    }

    @Test
    void likeWildcardsInASearchAreEscaped() {
        LeadQuery query = builder.select(search("50%_off"));

        assertThat(query.parameters()).containsOnly("%50\\%\\_off%");
    }

    @Test
    void aBackslashInASearchIsEscaped() {
        LeadQuery query = builder.select(search("a\\b"));

        assertThat(query.parameters()).containsOnly("%a\\\\b%");
    }

    @Test
    void aPhoneLikeSearchAlsoMatchesTheDigitsOnly() {
        LeadQuery query = builder.select(search("(415) 555-0132"));

        assertThat(query.sql()).contains("regexp_replace(phone, '[^0-9]', '', 'g') like ?");
        assertThat(query.parameters())
                .containsExactly("%(415) 555-0132%", "%(415) 555-0132%", "%(415) 555-0132%", "%4155550132%");
    }

    @Test
    void aSearchWithTooFewDigitsIsNotTreatedAsAPhoneNumber() {
        LeadQuery query = builder.select(search("4-1"));

        assertThat(query.sql()).doesNotContain("regexp_replace");
        assertThat(query.parameters()).hasSize(3);
    }

    @Test
    void aSearchMixingDigitsAndLettersIsNotTreatedAsAPhoneNumber() {
        LeadQuery query = builder.select(search("flat 415"));

        assertThat(query.sql()).doesNotContain("regexp_replace");
        assertThat(query.parameters()).containsExactly("%flat 415%", "%flat 415%", "%flat 415%");
    }

    @Test
    void aMaliciousSearchAppearsOnlyInTheParameters() {
        String attack = "'; drop table leads; --";

        LeadQuery query = builder.select(search(attack));

        assertThat(query.sql()).doesNotContain("drop").doesNotContain("--").doesNotContain("';");
        assertThat(query.parameters()).containsOnly("%" + attack + "%");
    }

    @Test
    void everyCriterionIsJoinedWithAndAndEveryPlaceholderHasAParameter() {
        ExportFilter all = filter(List.of("new"), List.of("Auto"), List.of("US"),
                new TimeRange(JAN_8, JAN_15, "2024-01-08", "2024-01-14"),
                new TimeRange(JAN_8, null, "2024-01-08", null), "smith");

        LeadQuery query = builder.select(all);

        assertThat(query.sql()).contains(" where status = any(?) and lower(policy_of_interest) = any(?)"
                + " and upper(country) = any(?) and created_at >= ? and created_at < ? and updated_at >= ?"
                + " and (full_name ilike ?");
        assertThat(query.parameters()).hasSize((int) placeholders(query.sql())).hasSize(9);
    }

    @Test
    void theCountHasTheSameWhereClauseAndParameters() {
        ExportFilter all = filter(List.of("new"), List.of("Auto"), List.of("US"),
                new TimeRange(JAN_8, JAN_15, "2024-01-08", "2024-01-14"), TimeRange.OPEN, "(415) 555");
        LeadQuery select = builder.select(all);

        LeadQuery count = builder.count(all);

        String where = select.sql().substring(select.sql().indexOf(" where "), select.sql().indexOf(" order by"));
        assertThat(count.sql()).isEqualTo("select count(*) from leads" + where);
        assertThat(count.parameters()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(select.parameters());
    }

    @Test
    void theCountOfNoFilterHasNoWhereClause() {
        LeadQuery count = builder.count(ExportFilter.NONE);

        assertThat(count.sql()).isEqualTo("select count(*) from leads");
        assertThat(count.parameters()).isEmpty();
    }

    @Test
    void aLimitedSelectBindsTheLimitLast() {
        LeadQuery query = builder.select(search("smith"), 25);

        assertThat(query.sql()).endsWith(" order by created_at, id limit ?");
        assertThat(query.parameters()).containsExactly("%smith%", "%smith%", "%smith%", 25);
    }
}
