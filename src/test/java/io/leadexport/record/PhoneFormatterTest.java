package io.leadexport.record;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneFormatterTest {

    private final PhoneFormatter usPhones = new PhoneFormatter("US");

    @Test
    void aNationalNumberIsFormattedInternationallyWithTheDefaultRegion() {
        assertThat(usPhones.format("(415) 555-0132", false)).isEqualTo(new FormattedPhone("+1 415-555-0132"));
    }

    @Test
    void aNationalNumberIsFormattedAsE164ForACrm() {
        assertThat(usPhones.format("(415) 555-0132", true)).isEqualTo(new FormattedPhone("+14155550132"));
    }

    @Test
    void aNumberWithACountryCodeKeepsItsCountry() {
        assertThat(usPhones.format("+44 20 7946 0958", false)).isEqualTo(new FormattedPhone("+44 20 7946 0958"));
    }

    @Test
    void aForeignNumberIsFormattedAsE164ForACrm() {
        assertThat(usPhones.format("+44 (0)20 7946 0958", true)).isEqualTo(new FormattedPhone("+442079460958"));
    }

    @Test
    void theDefaultRegionDecidesTheCountryOfANationalNumber() {
        PhoneFormatter ukPhones = new PhoneFormatter("GB");

        assertThat(ukPhones.format("020 7946 0958", false)).isEqualTo(new FormattedPhone("+44 20 7946 0958"));
    }

    @Test
    void unparseableTextIsKeptTrimmedAsAPlainString() {
        Object formatted = usPhones.format("  call me \t", false);

        assertThat(formatted).isInstanceOf(String.class).isEqualTo("call me");
    }

    @Test
    void aPlusFollowedByTextIsKeptAsAPlainString() {
        Object formatted = usPhones.format("+not a number", false);

        assertThat(formatted).isInstanceOf(String.class).isEqualTo("+not a number");
    }

    @Test
    void anInvalidNumberIsKeptTrimmedAsAPlainString() {
        Object formatted = usPhones.format(" 123 ", false);

        assertThat(formatted).isInstanceOf(String.class).isEqualTo("123");
    }

    @Test
    void aBlankPhoneIsNull() {
        assertThat(usPhones.format("   ", false)).isNull();
    }

    @Test
    void aMissingPhoneIsNull() {
        assertThat(usPhones.format(null, true)).isNull();
    }
}
