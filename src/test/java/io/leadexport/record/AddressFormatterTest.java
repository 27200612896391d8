package io.leadexport.record;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressFormatterTest {

    private static LeadRow address(String line1, String line2, String city, String region, String postalCode,
            String country) {
        return new LeadRow(null, "Ada Lovelace", null, null, null, line1, line2, city, region, postalCode, country,
                null, null, null, "new", null, null, null);
    }

    @Test
    void allPartsMakeOneLine() {
        LeadRow lead = address("1 Market St", "Suite 300", "San Francisco", "CA", "94105", "US");

        assertThat(AddressFormatter.format(lead)).isEqualTo("1 Market St, Suite 300, San Francisco, CA 94105, US");
    }

    @Test
    void missingPartsAreSkippedWithoutEmptySeparators() {
        LeadRow lead = address("1 Market St", null, "  ", "CA", "94105", "");

        assertThat(AddressFormatter.format(lead)).isEqualTo("1 Market St, CA 94105");
    }

    @Test
    void aRegionWithoutPostalCodeStandsAlone() {
        LeadRow lead = address(null, null, "Springfield", "IL", null, "US");

        assertThat(AddressFormatter.format(lead)).isEqualTo("Springfield, IL, US");
    }

    @Test
    void aPostalCodeWithoutRegionStandsAlone() {
        LeadRow lead = address("10 Downing St", null, "London", null, "SW1A 2AA", "GB");

        assertThat(AddressFormatter.format(lead)).isEqualTo("10 Downing St, London, SW1A 2AA, GB");
    }

    @Test
    void partsAreTrimmed() {
        LeadRow lead = address(" 1 Market St ", null, " Paris\n", null, null, " FR");

        assertThat(AddressFormatter.format(lead)).isEqualTo("1 Market St, Paris, FR");
    }

    @Test
    void anAddressWithNoPartsIsNull() {
        LeadRow lead = address(null, "", " ", null, "", null);

        assertThat(AddressFormatter.format(lead)).isNull();
    }
}
