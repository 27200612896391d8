package io.leadexport.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.leadexport.request.InvalidExportRequestException.FieldError;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ExportRequestParserTest {

    private static final int MAX_REQUEST_BYTES = 2048;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final ExportRequestParser parser = parser(UTC);

    private static ExportRequestParser parser(ZoneId zone) {
        return new ExportRequestParser(new RequestProperties(zone, new RequestProperties.Limits(MAX_REQUEST_BYTES)),
                () -> Set.of("download", "crm-sftp"));
    }

    /** Single quotes keep the JSON in tests readable. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private List<FieldError> errorsOf(String json) {
        return errorsOf(() -> parser.fromJson(json));
    }

    private static List<FieldError> errorsOf(Runnable parse) {
        InvalidExportRequestException thrown = catchThrowableOfType(InvalidExportRequestException.class, parse::run);
        assertThat(thrown).as("expected the request to be rejected").isNotNull();
        return thrown.errors();
    }

    private static FieldError onlyError(List<FieldError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Nested
    class JsonBody {

        @Test
        void anEmptyObjectIsTheDefaultRequest() {
            ExportRequest request = parser.fromJson("{}");

            assertThat(request.format()).isEqualTo(ExportFormat.CSV);
            assertThat(request.template()).isEqualTo(ExportTemplate.FULL);
            assertThat(request.customFields()).isFalse();
            assertThat(request.fields()).containsExactly(LeadField.values());
            assertThat(request.filter()).isEqualTo(ExportFilter.NONE);
            assertThat(request.nationalId()).isEqualTo(NationalIdPolicy.MASKED);
            assertThat(request.destination()).isEqualTo("download");
            assertThat(request.csvBom()).isFalse();
        }

        @Test
        void anEmptyOrBlankBodyIsTheDefaultRequest() {
            ExportRequest fromEmpty = parser.fromJsonBytes(new byte[0]);
            ExportRequest fromBlank = parser.fromJson("  \n ");

            assertThat(fromEmpty).isEqualTo(parser.fromJson("{}"));
            assertThat(fromBlank).isEqualTo(parser.fromJson("{}"));
        }

        @Test
        void theFullExampleOfTheSpecIsParsed() {
            String body = json("""
                    {
                      'format': 'csv',
                      'template': 'full',
                      'fields': ['fullName', 'phone'],
                      'filter': {
                        'status': ['new'],
                        'policy': ['Auto'],
                        'country': ['US'],
                        'createdFrom': '2024-01-08',
                        'createdTo': '2024-01-14',
                        'updatedFrom': null, 'updatedTo': null,
                        'search': 'smith'
                      },
                      'nationalId': 'masked',
                      'destination': 'download',
                      'csvBom': false
                    }
                    """);

            ExportRequest request = parser.fromJson(body);

            assertThat(request.format()).isEqualTo(ExportFormat.CSV);
            assertThat(request.template()).isEqualTo(ExportTemplate.FULL);
            assertThat(request.customFields()).isTrue();
            assertThat(request.fields()).containsExactly(LeadField.FULL_NAME, LeadField.PHONE);
            assertThat(request.nationalId()).isEqualTo(NationalIdPolicy.MASKED);
            assertThat(request.destination()).isEqualTo("download");
            assertThat(request.csvBom()).isFalse();
            ExportFilter filter = request.filter();
            assertThat(filter.statuses()).containsExactly("new");
            assertThat(filter.policies()).containsExactly("Auto");
            assertThat(filter.countries()).containsExactly("US");
            assertThat(filter.created()).isEqualTo(new TimeRange(Instant.parse("2024-01-08T00:00:00Z"),
                    Instant.parse("2024-01-15T00:00:00Z"), "2024-01-08", "2024-01-14"));
            assertThat(filter.updated().isOpen()).isTrue();
            assertThat(filter.search()).isEqualTo("smith");
        }

        @Test
        void aConfiguredDestinationIsAccepted() {
            ExportRequest request = parser.fromJson(json("{'destination': 'crm-sftp'}"));

            assertThat(request.destination()).isEqualTo("crm-sftp");
        }

        @Test
        void customFieldsKeepTheCallersOrder() {
            ExportRequest request = parser.fromJson(json("{'fields': ['status', 'email', 'leadId', 'fullName']}"));

            assertThat(request.fields())
                    .containsExactly(LeadField.STATUS, LeadField.EMAIL, LeadField.LEAD_ID, LeadField.FULL_NAME);
        }

        @Test
        void customFieldsOverrideTheTemplate() {
            ExportRequest request = parser.fromJson(json("{'template': 'crm', 'fields': ['notes']}"));

            assertThat(request.template()).isEqualTo(ExportTemplate.CRM);
            assertThat(request.fields()).containsExactly(LeadField.NOTES);
        }

        @Test
        void aTemplateSelectsItsFields() {
            ExportRequest request = parser.fromJson(json("{'template': 'basic'}"));

            assertThat(request.fields()).containsExactly(LeadField.FULL_NAME, LeadField.PHONE, LeadField.EMAIL,
                    LeadField.STATUS, LeadField.CREATED_AT);
        }

        @Test
        void anOmittedNationalIdDropsTheNationalIdColumnFromTheTemplate() {
            ExportRequest request = parser.fromJson(json("{'nationalId': 'omitted'}"));

            assertThat(request.nationalId()).isEqualTo(NationalIdPolicy.OMITTED);
            assertThat(request.fields()).doesNotContain(LeadField.NATIONAL_ID).hasSize(LeadField.values().length - 1);
        }

        @Test
        void anOmittedNationalIdDropsTheNationalIdColumnFromCustomFields() {
            ExportRequest request = parser.fromJson(
                    json("{'nationalId': 'omitted', 'fields': ['fullName', 'nationalId', 'email']}"));

            assertThat(request.fields()).containsExactly(LeadField.FULL_NAME, LeadField.EMAIL);
        }

        @Test
        void customFieldsWithOnlyAnOmittedNationalIdAreRejected() {
            FieldError error = onlyError(errorsOf(json("{'nationalId': 'omitted', 'fields': ['nationalId']}")));

            assertThat(error.field()).isEqualTo("fields");
        }

        @Test
        void anEmptyFieldListIsRejectedListingTheFields() {
            FieldError error = onlyError(errorsOf(json("{'fields': []}")));

            assertThat(error.field()).isEqualTo("fields");
            assertThat(error.allowed()).contains("fullName", "conversationUrl");
        }

        @Test
        void aCsvBomIsKeptForCsv() {
            ExportRequest request = parser.fromJson(json("{'format': 'csv', 'csvBom': true}"));

            assertThat(request.csvBom()).isTrue();
        }

        @Test
        void aCsvBomWithAnotherFormatIsRejected() {
            FieldError error = onlyError(errorsOf(json("{'format': 'json', 'csvBom': true}")));

            assertThat(error.field()).isEqualTo("csvBom");
            assertThat(error.message()).contains("csv");
        }

        @Test
        void valuesOfClosedListsAreMatchedCaseInsensitively() {
            ExportRequest request = parser.fromJson(json(
                    "{'format': 'JSON', 'template': 'Basic', 'nationalId': 'Encrypted', 'filter': {'status': ['NEW']}}"));

            assertThat(request.format()).isEqualTo(ExportFormat.JSON);
            assertThat(request.template()).isEqualTo(ExportTemplate.BASIC);
            assertThat(request.nationalId()).isEqualTo(NationalIdPolicy.ENCRYPTED);
            assertThat(request.filter().statuses()).containsExactly("new");
        }

        @Test
        void countriesAreUpperCased() {
            ExportRequest request = parser.fromJson(json("{'filter': {'country': ['us', 'De']}}"));

            assertThat(request.filter().countries()).containsExactly("US", "DE");
        }

        @Test
        void aSingleValueIsAcceptedWhereAListIsExpected() {
            ExportRequest request = parser.fromJson(json("{'filter': {'status': 'new'}}"));

            assertThat(request.filter().statuses()).containsExactly("new");
        }

        @Test
        void aBlankSearchDoesNotFilter() {
            ExportRequest request = parser.fromJson(json("{'filter': {'search': '   '}}"));

            assertThat(request.filter().search()).isNull();
            assertThat(request.filter().isEmpty()).isTrue();
        }
    }

    @Nested
    class JsonErrors {

        @Test
        void anUnknownTopLevelPropertyIsRejectedNamingItAndListingTheAllowedOnes() {
            FieldError error = onlyError(errorsOf(json("{'formt': 'csv'}")));

            assertThat(error.field()).isEqualTo("formt");
            assertThat(error.message()).contains("not a known property");
            assertThat(error.allowed()).containsExactlyInAnyOrderElementsOf(ExportRequestDocument.PROPERTIES);
        }

        @Test
        void anUnknownFilterPropertyIsRejectedNamingItsPathAndListingTheAllowedOnes() {
            FieldError error = onlyError(errorsOf(json("{'filter': {'statuses': ['new']}}")));

            assertThat(error.field()).isEqualTo("filter.statuses");
            assertThat(error.allowed()).containsExactlyInAnyOrderElementsOf(ExportRequestDocument.FILTER_PROPERTIES);
        }

        @Test
        void aValueOfTheWrongTypeIsRejectedNamingTheField() {
            FieldError error = onlyError(errorsOf(json("{'csvBom': 'perhaps'}")));

            assertThat(error.field()).isEqualTo("csvBom");
            assertThat(error.message()).contains("wrong type");
        }

        @Test
        void anObjectWhereAListIsExpectedIsRejectedNamingTheField() {
            FieldError error = onlyError(errorsOf(json("{'fields': {'fullName': true}}")));

            // a single value counts as a one-element list, so the path points into it
            assertThat(error.field()).isEqualTo("fields[0]");
            assertThat(error.message()).contains("wrong type");
        }

        @Test
        void aTextWhereTheFilterObjectIsExpectedIsRejectedNamingTheField() {
            FieldError error = onlyError(errorsOf(json("{'filter': 'new'}")));

            assertThat(error.field()).isEqualTo("filter");
        }

        @Test
        void aBodyThatIsNotAnObjectIsRejected() {
            FieldError error = onlyError(errorsOf("[1, 2]"));

            assertThat(error.field()).isEqualTo("body");
        }

        @Test
        void invalidJsonIsRejectedWithItsPosition() {
            FieldError error = onlyError(errorsOf("{\"format\": \"csv\",\n \"template\" \"full\"}"));

            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).contains("not valid JSON").contains("line 2");
        }

        @Test
        void aDuplicatePropertyIsRejected() {
            FieldError error = onlyError(errorsOf(json("{'format': 'csv', 'format': 'json'}")));

            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).contains("format");
        }

        @Test
        void trailingContentAfterTheObjectIsRejected() {
            FieldError error = onlyError(errorsOf(json("{'format': 'csv'} {'format': 'json'}")));

            assertThat(error.field()).isEqualTo("body");
        }

        @Test
        void anOversizedBodyIsRejectedBeforeItIsRead() {
            String body = json("{'filter': {'search': '" + "x".repeat(MAX_REQUEST_BYTES) + "'}}");

            FieldError error = onlyError(errorsOf(body));

            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).contains("at most " + MAX_REQUEST_BYTES);
        }

        @Test
        void anOversizedBlankBodyIsRejectedRatherThanTakenAsTheDefaultRequest() {
            byte[] body = " ".repeat(MAX_REQUEST_BYTES + 1).getBytes(StandardCharsets.UTF_8);

            FieldError error = onlyError(errorsOf(() -> parser.fromJsonBytes(body)));

            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).contains("at most " + MAX_REQUEST_BYTES);
        }

        @Test
        void aBodyOfExactlyTheMaximumSizeIsRead() {
            String prefix = json("{'filter': {'search': '");
            String suffix = json("'}}");
            String body = prefix + "x".repeat(MAX_REQUEST_BYTES - prefix.length() - suffix.length()) + suffix;

            // the search is too long for the filter: reported as such shows the body was read, not refused
            FieldError error = onlyError(errorsOf(() -> parser.fromJsonBytes(body.getBytes(StandardCharsets.UTF_8))));

            assertThat(error.field()).isEqualTo("filter.search");
        }

        @Test
        void anUnknownFormatIsRejectedListingTheFormats() {
            FieldError error = onlyError(errorsOf(json("{'format': 'pdf'}")));

            assertThat(error.field()).isEqualTo("format");
            assertThat(error.message()).contains("'pdf'");
            assertThat(error.allowed()).containsExactly("csv", "xlsx", "json", "text");
        }

        @Test
        void anUnknownTemplateIsRejectedListingTheTemplates() {
            FieldError error = onlyError(errorsOf(json("{'template': 'everything'}")));

            assertThat(error.field()).isEqualTo("template");
            assertThat(error.message()).contains("'everything'");
            assertThat(error.allowed()).containsExactly("full", "basic", "crm", "salesforce", "hubspot");
        }

        @Test
        void anUnknownFieldIsRejectedNamingItsPositionAndListingTheFields() {
            FieldError error = onlyError(errorsOf(json("{'fields': ['fullName', 'surname']}")));

            assertThat(error.field()).isEqualTo("fields[1]");
            assertThat(error.message()).contains("'surname'");
            assertThat(error.allowed()).containsExactly("leadId", "fullName", "phone", "email", "nationalId",
                    "address", "policyOfInterest", "preferredContactTime", "notes", "status", "createdAt",
                    "updatedAt", "conversationId", "conversationUrl");
        }

        @Test
        void aFieldListedTwiceIsRejected() {
            FieldError error = onlyError(errorsOf(json("{'fields': ['phone', 'email', 'phone']}")));

            assertThat(error.field()).isEqualTo("fields[2]");
            assertThat(error.message()).contains("'phone'").contains("twice");
        }

        @Test
        void anUnknownStatusIsRejectedNamingItsPositionAndListingTheStatuses() {
            FieldError error = onlyError(errorsOf(json("{'filter': {'status': ['new', 'pending']}}")));

            assertThat(error.field()).isEqualTo("filter.status[1]");
            assertThat(error.message()).contains("'pending'");
            assertThat(error.allowed()).containsExactly("new", "contacted", "qualified", "converted", "lost");
        }

        @Test
        void anUnknownNationalIdPolicyIsRejectedListingThePolicies() {
            FieldError error = onlyError(errorsOf(json("{'nationalId': 'hidden'}")));

            assertThat(error.field()).isEqualTo("nationalId");
            assertThat(error.message()).contains("'hidden'");
            assertThat(error.allowed()).containsExactly("masked", "encrypted", "omitted", "plain");
        }

        @Test
        void anUnknownDestinationIsRejectedListingTheConfiguredOnes() {
            FieldError error = onlyError(errorsOf(json("{'destination': '/etc/passwd'}")));

            assertThat(error.field()).isEqualTo("destination");
            assertThat(error.message()).contains("'/etc/passwd'");
            assertThat(error.allowed()).containsExactlyInAnyOrder("download", "crm-sftp");
        }

        @Test
        void anInvalidCountryCodeIsRejected() {
            FieldError error = onlyError(errorsOf(json("{'filter': {'country': ['USA']}}")));

            assertThat(error.field()).isEqualTo("filter.country[0]");
            assertThat(error.message()).contains("'USA'");
        }

        @Test
        void anEmptyListValueIsRejected() {
            FieldError error = onlyError(errorsOf(json("{'filter': {'policy': ['Auto', ' ']}}")));

            assertThat(error.field()).isEqualTo("filter.policy[1]");
        }

        @Test
        void severalErrorsAreReportedAtOnce() {
            List<FieldError> errors = errorsOf(json("""
                    {'format': 'pdf', 'template': 'all', 'fields': ['nope'], 'nationalId': 'x',
                     'destination': 'mars', 'filter': {'status': ['gone'], 'createdFrom': 'soon'}}
                    """));

            assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("format", "template",
                    "fields[0]", "nationalId", "destination", "filter.status[0]", "filter.createdFrom");
        }

        @Test
        void theExceptionMessageNamesEveryField() {
            InvalidExportRequestException thrown = catchThrowableOfType(InvalidExportRequestException.class,
                    () -> parser.fromJson(json("{'format': 'pdf', 'template': 'all'}")));

            assertThat(thrown.getMessage()).contains("format: ").contains("template: ");
        }
    }

    @Nested
    class DateBounds {

        @Test
        void aFromDateIsTheStartOfThatDayInTheExportZone() {
            ExportRequest request = parser(NEW_YORK).fromJson(json("{'filter': {'createdFrom': '2024-01-08'}}"));

            assertThat(request.filter().created().from()).isEqualTo(Instant.parse("2024-01-08T05:00:00Z"));
            assertThat(request.filter().created().toExclusive()).isNull();
        }

        @Test
        void aToDateIncludesTheWholeDayInTheExportZone() {
            ExportRequest request = parser(NEW_YORK).fromJson(json("{'filter': {'createdTo': '2024-01-14'}}"));

            assertThat(request.filter().created().toExclusive()).isEqualTo(Instant.parse("2024-01-15T05:00:00Z"));
            assertThat(request.filter().created().from()).isNull();
        }

        @Test
        void aDateIsTheWholeDayInUtcWhenThatIsTheExportZone() {
            ExportRequest request = parser(UTC).fromJson(
                    json("{'filter': {'createdFrom': '2024-01-08', 'createdTo': '2024-01-14'}}"));

            assertThat(request.filter().created().from()).isEqualTo(Instant.parse("2024-01-08T00:00:00Z"));
            assertThat(request.filter().created().toExclusive()).isEqualTo(Instant.parse("2024-01-15T00:00:00Z"));
        }

        @Test
        void aDayAcrossTheDaylightSavingChangeStartsAtTheLocalMidnight() {
            ExportRequest request = parser(NEW_YORK).fromJson(
                    json("{'filter': {'updatedFrom': '2024-07-01', 'updatedTo': '2024-07-01'}}"));

            assertThat(request.filter().updated().from()).isEqualTo(Instant.parse("2024-07-01T04:00:00Z"));
            assertThat(request.filter().updated().toExclusive()).isEqualTo(Instant.parse("2024-07-02T04:00:00Z"));
        }

        @Test
        void anInstantFromIsInclusive() {
            ExportRequest request = parser(NEW_YORK).fromJson(
                    json("{'filter': {'createdFrom': '2024-01-08T09:30:00Z'}}"));

            assertThat(request.filter().created().from()).isEqualTo(Instant.parse("2024-01-08T09:30:00Z"));
        }

        @Test
        void anInstantToIsInclusiveByEndingOneMicrosecondLater() {
            ExportRequest request = parser(NEW_YORK).fromJson(
                    json("{'filter': {'createdTo': '2024-01-14T18:00:00+01:00'}}"));

            assertThat(request.filter().created().toExclusive())
                    .isEqualTo(Instant.parse("2024-01-14T17:00:00.000001Z"));
        }

        @Test
        void aLocalDateTimeIsReadInTheExportZone() {
            ExportRequest request = parser(NEW_YORK).fromJson(
                    json("{'filter': {'createdFrom': '2024-01-08T09:30:00'}}"));

            assertThat(request.filter().created().from()).isEqualTo(Instant.parse("2024-01-08T14:30:00Z"));
        }

        @Test
        void theBoundsAreKeptAsWritten() {
            ExportRequest request = parser.fromJson(
                    json("{'filter': {'createdFrom': ' 2024-01-08 ', 'createdTo': '2024-01-14T18:00:00Z'}}"));

            assertThat(request.filter().created().fromText()).isEqualTo("2024-01-08");
            assertThat(request.filter().created().toText()).isEqualTo("2024-01-14T18:00:00Z");
        }

        @Test
        void theSameDayAsFromAndToIsAccepted() {
            ExportRequest request = parser.fromJson(
                    json("{'filter': {'createdFrom': '2024-01-08', 'createdTo': '2024-01-08'}}"));

            assertThat(request.filter().created().from()).isEqualTo(Instant.parse("2024-01-08T00:00:00Z"));
            assertThat(request.filter().created().toExclusive()).isEqualTo(Instant.parse("2024-01-09T00:00:00Z"));
        }

        @Test
        void theSameInstantAsFromAndToIsAccepted() {
            ExportRequest request = parser.fromJson(
                    json("{'filter': {'createdFrom': '2024-01-08T09:30:00Z', 'createdTo': '2024-01-08T09:30:00Z'}}"));

            assertThat(request.filter().created().from()).isBefore(request.filter().created().toExclusive());
        }

        @Test
        void aReversedRangeIsRejected() {
            FieldError error = onlyError(errorsOf(
                    json("{'filter': {'createdFrom': '2024-01-14', 'createdTo': '2024-01-08'}}")));

            assertThat(error.field()).isEqualTo("filter.createdFrom");
            assertThat(error.message()).contains("2024-01-14").contains("2024-01-08");
        }

        @Test
        void aReversedUpdatedRangeIsRejected() {
            FieldError error = onlyError(errorsOf(
                    json("{'filter': {'updatedFrom': '2024-01-08T10:00:00Z', 'updatedTo': '2024-01-08T09:00:00Z'}}")));

            assertThat(error.field()).isEqualTo("filter.updatedFrom");
        }

        @Test
        void anImpossibleDateIsRejectedNamingTheField() {
            FieldError error = onlyError(errorsOf(json("{'filter': {'createdTo': '2024-02-30'}}")));

            assertThat(error.field()).isEqualTo("filter.createdTo");
            assertThat(error.message()).contains("'2024-02-30'").contains("yyyy-MM-dd");
        }

        @Test
        void textThatIsNotADateIsRejectedNamingTheField() {
            FieldError error = onlyError(errorsOf(json("{'filter': {'updatedFrom': 'last week'}}")));

            assertThat(error.field()).isEqualTo("filter.updatedFrom");
        }

        @Test
        void aDateInAnotherNotationIsRejected() {
            FieldError error = onlyError(errorsOf(json("{'filter': {'createdFrom': '08/01/2024'}}")));

            assertThat(error.field()).isEqualTo("filter.createdFrom");
        }
    }

    @Nested
    class QueryString {

        @Test
        void noQueryIsTheDefaultRequest() {
            assertThat(parser.fromQueryString(null)).isEqualTo(parser.fromJson("{}"));
            assertThat(parser.fromQueryString("")).isEqualTo(parser.fromJson("{}"));
        }

        @Test
        void commaSeparatedFieldsKeepTheirOrder() {
            ExportRequest request = parser.fromQueryString("fields=email,fullName");

            assertThat(request.customFields()).isTrue();
            assertThat(request.fields()).containsExactly(LeadField.EMAIL, LeadField.FULL_NAME);
        }

        @Test
        void commaSeparatedStatusesAreAList() {
            ExportRequest request = parser.fromQueryString("status=new,contacted");

            assertThat(request.filter().statuses()).containsExactly("new", "contacted");
        }

        @Test
        void aRepeatedListParameterMeansTheSameAsCommas() {
            ExportRequest request = parser.fromQueryString("status=new&status=contacted&policy=Auto&policy=Home");

            assertThat(request.filter().statuses()).containsExactly("new", "contacted");
            assertThat(request.filter().policies()).containsExactly("Auto", "Home");
        }

        @Test
        void everyParameterIsRead() {
            ExportRequest request = parser.fromQueryString("format=json&template=crm&country=US"
                    + "&createdFrom=2024-01-08&createdTo=2024-01-14&updatedFrom=2024-01-01&updatedTo=2024-01-31"
                    + "&search=smith&nationalId=omitted");

            assertThat(request.format()).isEqualTo(ExportFormat.JSON);
            assertThat(request.template()).isEqualTo(ExportTemplate.CRM);
            assertThat(request.filter().countries()).containsExactly("US");
            assertThat(request.filter().created().fromText()).isEqualTo("2024-01-08");
            assertThat(request.filter().created().toText()).isEqualTo("2024-01-14");
            assertThat(request.filter().updated().fromText()).isEqualTo("2024-01-01");
            assertThat(request.filter().updated().toText()).isEqualTo("2024-01-31");
            assertThat(request.filter().search()).isEqualTo("smith");
            assertThat(request.nationalId()).isEqualTo(NationalIdPolicy.OMITTED);
            assertThat(request.destination()).isEqualTo("download");
        }

        @Test
        void aCsvBomParameterIsRead() {
            ExportRequest request = parser.fromQueryString("csvBom=true");

            assertThat(request.csvBom()).isTrue();
        }

        @Test
        void anUnknownParameterIsRejectedListingTheAllowedOnes() {
            FieldError error = onlyError(errorsOf(() -> parser.fromQueryString("format=csv&statuses=new")));

            assertThat(error.field()).isEqualTo("statuses");
            assertThat(error.allowed()).contains("format", "fields", "status", "createdFrom", "search", "nationalId");
        }

        @Test
        void theDestinationCannotBeChosenInAQueryString() {
            FieldError error = onlyError(errorsOf(() -> parser.fromQueryString("destination=crm-sftp")));

            assertThat(error.field()).isEqualTo("destination");
        }

        @Test
        void aSingleValueParameterGivenTwiceIsRejected() {
            FieldError error = onlyError(errorsOf(() -> parser.fromQueryString("format=csv&format=json")));

            assertThat(error.field()).isEqualTo("format");
        }

        @Test
        void aUnicodeSearchIsUrlDecoded() {
            ExportRequest request = parser.fromQueryString("search=Zo%C3%AB%20M%C3%BCller");

            assertThat(request.filter().search()).isEqualTo("Zoë Müller");
        }

        @Test
        void aPlusInTheQueryIsASpace() {
            ExportRequest request = parser.fromQueryString("search=van+der+Berg");

            assertThat(request.filter().search()).isEqualTo("van der Berg");
        }

        @Test
        void anEncodedCommaInAFieldListStillSeparates() {
            ExportRequest request = parser.fromQueryString("fields=email%2Cphone");

            assertThat(request.fields()).containsExactly(LeadField.EMAIL, LeadField.PHONE);
        }

        @Test
        void aMalformedEscapeIsRejectedNamingTheField() {
            FieldError error = onlyError(errorsOf(() -> parser.fromQueryString("search=100%")));

            assertThat(error.field()).isEqualTo("filter.search");
        }

        @Test
        void anEscapeThatIsNotUtf8IsRejectedNamingTheFieldRatherThanReplaced() {
            FieldError error = onlyError(errorsOf(() -> parser.fromQueryString("format=csv&search=Zo%EB")));

            assertThat(error.field()).isEqualTo("filter.search");
            assertThat(error.message()).contains("UTF-8");
        }

        @Test
        void anEscapedNulIsRejectedNamingTheField() {
            FieldError error = onlyError(errorsOf(() -> parser.fromQueryString("search=smith%00")));

            assertThat(error.field()).isEqualTo("filter.search");
            assertThat(error.message()).contains("NUL");
        }

        @Test
        void aBadValueInAQueryIsRejectedLikeInJson() {
            FieldError error = onlyError(errorsOf(() -> parser.fromQueryString("status=new,won")));

            assertThat(error.field()).isEqualTo("filter.status[1]");
            assertThat(error.allowed()).contains("new", "lost");
        }

        @Test
        void datesInAQueryAreBoundsInTheExportZone() {
            ExportRequest request = parser(NEW_YORK).fromQueryString("createdFrom=2024-01-08&createdTo=2024-01-14");

            assertThat(request.filter().created().from()).isEqualTo(Instant.parse("2024-01-08T05:00:00Z"));
            assertThat(request.filter().created().toExclusive()).isEqualTo(Instant.parse("2024-01-15T05:00:00Z"));
        }
    }

    @Nested
    class HostileText {

        @Test
        void aNulInAValueIsRejectedNamingTheField() {
            FieldError error = onlyError(errorsOf(json("{'filter': {'search': 'smith\\u0000'}}")));

            assertThat(error.field()).isEqualTo("filter.search");
            assertThat(error.message()).contains("NUL");
        }

        @Test
        void aNulInAListIsRejectedNamingItsPosition() {
            FieldError error = onlyError(errorsOf(json("{'filter': {'policy': ['Auto', 'Ho\\u0000me']}}")));

            assertThat(error.field()).isEqualTo("filter.policy[1]");
        }

        @Test
        void anUnpairedSurrogateIsRejectedNamingTheField() {
            FieldError error = onlyError(errorsOf(json("{'fields': ['fullName', '\\ud800']}")));

            assertThat(error.field()).isEqualTo("fields[1]");
            assertThat(error.message()).contains("surrogate");
        }

        @Test
        void aPairedSurrogateIsAnOrdinaryCharacter() {
            ExportRequest request = parser.fromJson(json("{'filter': {'search': '\\ud83d\\ude00 smile'}}"));

            assertThat(request.filter().search()).isEqualTo("\ud83d\ude00 smile");
        }

        @Test
        void anOverLongValueIsRejectedWithoutBeingRepeated() {
            String policy = "p".repeat(RequestText.MAX_LENGTH + 1);

            FieldError error = onlyError(errorsOf(json("{'filter': {'policy': ['" + policy + "']}}")));

            assertThat(error.field()).isEqualTo("filter.policy[0]");
            assertThat(error.message()).contains("at most " + RequestText.MAX_LENGTH).doesNotContain(policy);
        }

        @Test
        void anOverLongUnknownFormatIsNotEchoed() {
            String format = "f".repeat(1000);

            FieldError error = onlyError(errorsOf(json("{'format': '" + format + "'}")));

            assertThat(error.field()).isEqualTo("format");
            assertThat(error.message()).doesNotContain(format);
        }

        @Test
        void aNullDocumentIsRejected() {
            FieldError error = onlyError(errorsOf("null"));

            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).contains("JSON object");
        }

        @Test
        void aStringOrNumberDocumentIsRejected() {
            assertThat(onlyError(errorsOf("\"csv\"")).message()).contains("JSON object");
            assertThat(onlyError(errorsOf("42")).message()).contains("JSON object");
        }

        @Test
        void aBodyThatIsNotUtf8IsRejected() {
            byte[] latin1 = json("{'filter': {'search': 'Zoë'}}").getBytes(StandardCharsets.ISO_8859_1);

            FieldError error = onlyError(errorsOf(() -> parser.fromJsonBytes(latin1)));

            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).contains("UTF-8");
        }
    }
}
