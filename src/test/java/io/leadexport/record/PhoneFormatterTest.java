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

    @Test
    void parsingTheDigitsAloneGivesWhatParsingTheWholeTextGives() throws Exception {
        // The demo data's shapes (every number different) and random text over digits, punctuation and letters.
        java.util.Random random = new java.util.Random(7);
        java.util.List<String> phones = new java.util.ArrayList<>(java.util.List.of("+1 (415) 555-0132",
                "+44 (0)20 7946 0958", "1-800-555-0199", "(212) 555-01", "12", "1-2", "+-1-2-3", "++1 415 555 0132",
                "0044 20 7946 0958", "011 44 20 7946 0958", "+(1) 415 555 0132", "415.555.0132 ", "555-0132",
                "+49 30 1234567", "+81 3-1234-5678", "+91 98123 45678", "+55 11 91234-5678", "+52 55 1234 5678"));
        String[] areas = {"201", "212", "415", "617", "646", "917"};
        String alphabet = "0123456789  --..()+x#;/ext,";
        for (int i = 0; i < 20_000; i++) {
            String area = areas[random.nextInt(areas.length)];
            int exchange = 200 + random.nextInt(700);
            String line = String.format("%04d", random.nextInt(10_000));
            phones.add(switch (random.nextInt(5)) {
                case 0 -> "(" + area + ") " + exchange + "-" + line;
                case 1 -> area + "." + exchange + "." + line;
                case 2 -> "+1 " + area + " " + exchange + " " + line;
                case 3 -> "1-" + area + "-" + exchange + "-" + line;
                default -> "+" + (1 + random.nextInt(99)) + " " + random.nextInt(100_000_000);
            });
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(16); c > 0; c--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            phones.add(text.toString().strip());
        }
        com.google.i18n.phonenumbers.PhoneNumberUtil util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();

        for (String phone : phones) {
            String whole;
            String digits;
            try {
                whole = util.parse(phone, "US").toString();
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                whole = e.getErrorType().name();
            }
            try {
                digits = util.parse(PhoneFormatter.plainDigits(phone), "US").toString();
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                digits = e.getErrorType().name();
            }
            assertThat(digits).as(phone).isEqualTo(whole);
        }
    }
}
