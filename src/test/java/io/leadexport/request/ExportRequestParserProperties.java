package io.leadexport.request;

import java.time.ZoneId;
import java.util.Set;


import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Thousands of generated requests against the parser: valid ones are accepted and mean the same written as JSON or
 * as a query string; broken ones are refused, naming the field that is wrong.
 */
class ExportRequestParserProperties {

    private final ExportRequestParser parser = new ExportRequestParser(
            new RequestProperties(ZoneId.of("America/New_York"), new RequestProperties.Limits(65536)),
            () -> Set.of("download"));

    @Provide
    Arbitrary<RequestArbitraries.Valid> validRequests() {
        return RequestArbitraries.valid();
    }

    @Provide
    Arbitrary<RequestArbitraries.Broken> brokenRequests() {
        return RequestArbitraries.broken();
    }

    @Property(tries = 2000)
    void aValidRequestMeansTheSameAsJsonAndAsAQueryString(@ForAll("validRequests") RequestArbitraries.Valid request) {
        ExportRequest fromJson = parser.fromJson(request.json());
        ExportRequest fromQuery = parser.fromQueryString(request.query());

        assertThat(fromQuery).isEqualTo(fromJson);
    }

    @Property(tries = 2000)
    void aBrokenRequestIsRefusedNamingTheField(@ForAll("brokenRequests") RequestArbitraries.Broken request) {
        InvalidExportRequestException refused = catchThrowableOfType(InvalidExportRequestException.class,
                () -> parser.fromJson(request.json()));

        assertThat(refused).as(request.json()).isNotNull();
        assertThat(refused.errors()).extracting(InvalidExportRequestException.FieldError::field)
                .contains(request.field());
    }

    @Property(tries = 1000)
    void anyBytesAreEitherARequestOrARefusalNeverAnotherFailure(@ForAll byte[] body) {
        try {
            parser.fromJsonBytes(body);
        } catch (InvalidExportRequestException refused) {
            assertThat(refused.errors()).isNotEmpty();
        }
    }

    @Property(tries = 1000)
    void anyQueryStringIsEitherARequestOrARefusalNeverAnotherFailure(
            @ForAll @net.jqwik.api.constraints.StringLength(max = 300) String query) {
        try {
            parser.fromQueryString(query);
        } catch (InvalidExportRequestException refused) {
            assertThat(refused.errors()).isNotEmpty();
        }
    }
}
