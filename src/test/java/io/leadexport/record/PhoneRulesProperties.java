package io.leadexport.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PhoneFormatter}, with its fast path ({@link PhoneRules}), gives exactly what libphonenumber's general parse,
 * validity check and format give on the whole captured text: on numbers of every region libphonenumber supports (its
 * example number of each type, with digits changed at random, so most are new numbers and some invalid), written
 * the ways people write them, with several default regions; and on random digit strings.
 */
class PhoneRulesProperties {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final List<String> REGIONS = new ArrayList<>(new java.util.TreeSet<>(PHONES.getSupportedRegions()));
    /** The app's default, a region sharing +1 with others, one with a national prefix, one with Italian zeros. */
    private static final List<String> DEFAULT_REGIONS = List.of("US", "CA", "GB", "DE", "IT", "BR", "AG", "JP");

    private static final java.util.Map<String, PhoneFormatter> FORMATTERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One generated phone as captured, and the default region it is read with. */
    record Captured(String text, String defaultRegion) {
    }

    @Property(tries = 30_000)
    void aNumberOfAnyRegionFormatsAsLibphonenumberFormatsIt(@ForAll("capturedNumbers") Captured phone) {
        assertSameAsLibphonenumber(phone);
    }

    @Property(tries = 10_000)
    void randomDigitsFormatAsLibphonenumberFormatsThem(@ForAll("randomDigits") Captured phone) {
        assertSameAsLibphonenumber(phone);
    }

    @Example
    void everyRegionsExampleNumbersFormatAsLibphonenumberFormatsThem() {
        int checked = 0;
        int fast = 0;
        PhoneRules rules = new PhoneRules("US");
        for (String region : REGIONS) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = PHONES.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                for (PhoneNumberFormat format : PhoneNumberFormat.values()) {
                    String text = PHONES.format(example, format);
                    assertSameAsLibphonenumber(new Captured(text, "US"));
                    assertSameAsLibphonenumber(new Captured(text, region));
                    checked++;
                    if (format == PhoneNumberFormat.E164 && rules.format(text, false) != PhoneRules.UNSURE) {
                        fast++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(REGIONS.size() * 4);
        // Every geographic number in E.164 takes the fast path (the non-geographic entities are left to the library).
        assertThat(fast).isGreaterThan(checked / 4 * 95 / 100);
    }

    @Example
    void theDemoDataIsFormattedOnTheFastPath() {
        PhoneRules rules = new PhoneRules("US");

        assertThat(rules.format("2123456789", false)).isEqualTo("+1 212-345-6789");
        assertThat(rules.format("12123456789", true)).isEqualTo("+12123456789");
        assertThat(rules.format("+442079461234", false)).isEqualTo("+44 20 7946 1234");
        assertThat(rules.format("+5511912345678", false)).isEqualTo("+55 11 91234-5678");
        assertThat(rules.format("5551234", false)).isSameAs(PhoneRules.INVALID);
        assertThat(rules.format("01144207946123", false)).isSameAs(PhoneRules.UNSURE);
    }

    @Provide
    Arbitrary<Captured> capturedNumbers() {
        Arbitrary<PhoneNumber> numbers = Combinators.combine(
                        Arbitraries.of(REGIONS), Arbitraries.of(PhoneNumberType.values()), Arbitraries.longs())
                .as(PhoneRulesProperties::changedExample)
                .filter(number -> number != null);
        Arbitrary<PhoneNumberFormat> formats = Arbitraries.of(PhoneNumberFormat.values());
        return Combinators.combine(numbers, formats, Arbitraries.of(DEFAULT_REGIONS), Arbitraries.integers().between(0, 4))
                .as((number, format, defaultRegion, decoration) ->
                        new Captured(decorate(PHONES.format(number, format), decoration), defaultRegion));
    }

    @Provide
    Arbitrary<Captured> randomDigits() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(18);
        return Combinators.combine(digits, Arbitraries.of("", "+", "00", "011", "1", "0"), Arbitraries.of(DEFAULT_REGIONS))
                .as((number, prefix, region) -> new Captured(prefix + number, region));
    }

    /** A region's example number of a type with some of its digits changed at random (null if it has none). */
    private static PhoneNumber changedExample(String region, PhoneNumberType type, long seed) {
        PhoneNumber example = PHONES.getExampleNumberForType(region, type);
        if (example == null) {
            return null;
        }
        Random random = new Random(seed);
        char[] nsn = PHONES.getNationalSignificantNumber(example).toCharArray();
        int changes = random.nextInt(nsn.length + 1);
        for (int i = 0; i < changes; i++) {
            nsn[nsn.length - 1 - random.nextInt(Math.min(nsn.length, 6))] = (char) ('0' + random.nextInt(10));
        }
        String digits = new String(nsn);
        if (random.nextInt(10) == 0) {
            digits = random.nextBoolean() ? digits + random.nextInt(10) : digits.substring(0, digits.length() - 1);
        }
        try {
            return PHONES.parse("+" + example.getCountryCode() + digits, "ZZ");
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** The ways a number is captured: as formatted, without its plus, with dots, with brackets, padded. */
    private static String decorate(String text, int decoration) {
        return switch (decoration) {
            case 1 -> text.startsWith("+") ? text.substring(1) : text;
            case 2 -> text.replace(' ', '.').replace('-', '.');
            case 3 -> text.replaceFirst(" (\\d+) ", " ($1) ");
            case 4 -> "  " + text.replace(" ", "") + " ";
            default -> text;
        };
    }

    private static void assertSameAsLibphonenumber(Captured phone) {
        for (boolean e164 : new boolean[] {false, true}) {
            Object fast = FORMATTERS.computeIfAbsent(phone.defaultRegion(), PhoneFormatter::new).format(phone.text(), e164);
            assertThat(fast).as("%s read in %s, E.164 %s", phone.text(), phone.defaultRegion(), e164)
                    .isEqualTo(libphonenumber(phone.text(), phone.defaultRegion(), e164));
        }
    }

    /** libphonenumber's general parse of the whole text, its validity check and format. */
    private static Object libphonenumber(String captured, String defaultRegion, boolean e164) {
        String trimmed = captured.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(trimmed, defaultRegion);
            if (!PHONES.isValidNumber(number)) {
                return trimmed;
            }
            return new FormattedPhone(PHONES.format(number, e164 ? PhoneNumberFormat.E164
                    : PhoneNumberFormat.INTERNATIONAL));
        } catch (NumberParseException e) {
            return trimmed;
        }
    }
}
