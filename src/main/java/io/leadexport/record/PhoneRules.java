package io.leadexport.record;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.NumberFormat;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

/**
 * libphonenumber's parse, validity check and format, for a phone already reduced to its digits (an optional leading
 * {@code +} and ASCII digits, see {@link PhoneFormatter#plainDigits}): the same steps on the same metadata, with the
 * metadata's patterns compiled once per region and looked up by calling code instead of by the region's resource
 * name, and without the general parse's pattern matching on the raw text (for such input it finds nothing to strip:
 * no extension, no letters, no second number). That is where the library spends most of its time per number.
 *
 * <p>It answers only the common cases and gives up ({@link #UNSURE}) on anything else: an international prefix
 * dialled in place of {@code +}, an unknown calling code, a non-geographic entity, a number too short or too long to
 * parse. The caller then asks libphonenumber itself. PhoneRulesTest compares the two on generated numbers of every
 * region libphonenumber supports, written in several ways.
 */
final class PhoneRules {

    /** The answer when the fast path cannot tell: ask libphonenumber. */
    static final String UNSURE = new String("unsure");
    /** The answer for digits that parse but are not a valid number (libphonenumber's isValidNumber is false). */
    static final String INVALID = new String("invalid");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** The metadata PhoneNumberUtil.getInstance() reads. */
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    /** libphonenumber's bounds on a national significant number and a calling code. */
    private static final int MIN_NSN = 3;
    private static final int MAX_NSN = 16;
    private static final int MAX_CALLING_CODE_DIGITS = 3;
    private static final String NON_GEOGRAPHIC = "001";
    private static final CallingCode UNKNOWN_CODE = new CallingCode(0, null, null);
    private static final CallingCode NON_GEOGRAPHIC_CODE = new CallingCode(0, null, null);

    private final String defaultRegion;
    private final Region defaultRules;
    /** Per calling code (1-999), built on first use. */
    private final AtomicReferenceArray<CallingCode> codes = new AtomicReferenceArray<>(1000);
    private final ConcurrentHashMap<String, Region> regions = new ConcurrentHashMap<>();

    PhoneRules(String defaultRegion) {
        this.defaultRegion = defaultRegion;
        this.defaultRules = PHONES.getSupportedRegions().contains(defaultRegion) ? region(defaultRegion) : null;
    }

    /**
     * @param digits a phone reduced to its digits: an optional {@code +}, then at least three ASCII digits; any other
     *               text is left to libphonenumber ({@link #UNSURE})
     * @return the formatted number, {@link #INVALID}, or {@link #UNSURE}
     */
    String format(String digits, boolean e164) {
        if (defaultRules == null || !onlyDigits(digits)) {
            return UNSURE;
        }
        // parse: the calling code and the national number
        CallingCode code;
        String national;
        Region rules;
        if (digits.charAt(0) == '+') {
            int length = digits.length() - 1;
            if (length <= MIN_NSN || digits.charAt(1) == '0') {
                return UNSURE;
            }
            code = null;
            int codeLength = 0;
            for (int i = 1; i <= MAX_CALLING_CODE_DIGITS && i <= length && code == null; i++) {
                CallingCode candidate = callingCode(Integer.parseInt(digits, 1, 1 + i, 10));
                if (candidate == NON_GEOGRAPHIC_CODE) {
                    return UNSURE;
                }
                if (candidate != UNKNOWN_CODE) {
                    code = candidate;
                    codeLength = i;
                }
            }
            if (code == null) {
                return UNSURE;
            }
            national = digits.substring(1 + codeLength);
            rules = code.main;
        } else {
            if (defaultRules.internationalPrefix.matcher(digits).lookingAt()) {
                return UNSURE;
            }
            code = callingCode(defaultRules.countryCode);
            if (code == UNKNOWN_CODE || code == NON_GEOGRAPHIC_CODE) {
                return UNSURE;
            }
            national = digits;
            // Without a calling code the number is the default region's, read with its metadata; with the region's
            // calling code in front, with the metadata of the code's main region.
            rules = defaultRules;
            if (digits.startsWith(code.text)) {
                String potential = stripNationalPrefix(digits.substring(code.text.length()), defaultRules);
                if ((!defaultRules.general.patternMatches(digits) && defaultRules.general.patternMatches(potential))
                        || lengthCheck(digits, defaultRules) == Length.TOO_LONG) {
                    national = potential;
                    rules = code.main.name.equals(defaultRegion) ? defaultRules : code.main;
                }
            }
        }
        if (national.length() < MIN_NSN) {
            return UNSURE;
        }
        String stripped = stripNationalPrefix(national, rules);
        Length length = lengthCheck(stripped, rules);
        if (length == Length.POSSIBLE || length == Length.TOO_LONG) {
            national = stripped;
        }
        if (national.length() < MIN_NSN || national.length() > MAX_NSN) {
            return UNSURE;
        }
        // The national significant number reads as the national number: leading zeros are kept as "Italian" zeros.
        if (!isValid(national, code)) {
            return INVALID;
        }
        if (e164) {
            return "+" + code.text + national;
        }
        return "+" + code.text + " " + code.main.formatNational(national);
    }

    private static boolean onlyDigits(String text) {
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '+' ? 1 : 0;
        if (length - start < MIN_NSN) {
            return false;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * libphonenumber's isValidNumber: the region of the number (by leading digits, or the first whose types it
     * matches), then whether it matches a type of that region. A region found by its types needs no second look.
     */
    private static boolean isValid(String nsn, CallingCode code) {
        if (code.regions.length == 1) {
            return code.regions[0].hasType(nsn);
        }
        for (Region candidate : code.regions) {
            if (candidate.leadingDigits == null) {
                if (candidate.hasType(nsn)) {
                    return true;
                }
            } else if (candidate.leadingDigits.matcher(nsn).lookingAt()) {
                return candidate.hasType(nsn);
            }
        }
        return false;
    }

    /** libphonenumber's maybeStripNationalPrefixAndCarrierCode (the carrier code is not needed). */
    private static String stripNationalPrefix(String number, Region rules) {
        if (number.isEmpty() || rules.nationalPrefix == null) {
            return number;
        }
        var prefix = rules.nationalPrefix.matcher(number);
        if (!prefix.lookingAt()) {
            return number;
        }
        boolean viableOriginal = rules.general.patternMatches(number);
        int groups = prefix.groupCount();
        String transform = rules.nationalPrefixTransform;
        if (transform == null || transform.isEmpty() || prefix.group(groups) == null) {
            if (viableOriginal && !rules.general.patternMatches(number.substring(prefix.end()))) {
                return number;
            }
            return number.substring(prefix.end());
        }
        String transformed = prefix.replaceFirst(transform);
        if (viableOriginal && !rules.general.patternMatches(transformed)) {
            return number;
        }
        return transformed;
    }

    private enum Length { POSSIBLE, LOCAL_ONLY, TOO_SHORT, TOO_LONG, INVALID }

    /** libphonenumber's testNumberLength for an unknown type: the general description's lengths. */
    private static Length lengthCheck(String number, Region rules) {
        List<Integer> lengths = rules.generalLengths;
        if (lengths.get(0) == -1) {
            return Length.INVALID;
        }
        int length = number.length();
        if (rules.generalLocalLengths.contains(length)) {
            return Length.LOCAL_ONLY;
        }
        int minimum = lengths.get(0);
        if (minimum == length) {
            return Length.POSSIBLE;
        }
        if (minimum > length) {
            return Length.TOO_SHORT;
        }
        if (lengths.get(lengths.size() - 1) < length) {
            return Length.TOO_LONG;
        }
        return lengths.subList(1, lengths.size()).contains(length) ? Length.POSSIBLE : Length.INVALID;
    }

    /** @return the calling code's rules, {@link #UNKNOWN_CODE} or {@link #NON_GEOGRAPHIC_CODE} */
    private CallingCode callingCode(int code) {
        CallingCode known = codes.get(code);
        if (known == null) {
            known = build(code);
            codes.compareAndSet(code, null, known);
        }
        return known;
    }

    private CallingCode build(int code) {
        List<String> names = PHONES.getRegionCodesForCountryCode(code);
        if (names.isEmpty()) {
            return UNKNOWN_CODE;
        }
        if (names.contains(NON_GEOGRAPHIC)) {
            return NON_GEOGRAPHIC_CODE;
        }
        Region[] list = new Region[names.size()];
        for (int i = 0; i < list.length; i++) {
            list[i] = region(names.get(i));
        }
        // The first region is the main one: it holds the formats of every region sharing the code.
        return new CallingCode(code, list[0], list);
    }

    private Region region(String name) {
        return regions.computeIfAbsent(name, key -> new Region(key, METADATA.getMetadataForRegion(key)));
    }

    private static final class CallingCode {
        final String text;
        final Region main;
        final Region[] regions;

        CallingCode(int code, Region main, Region[] regions) {
            this.text = Integer.toString(code);
            this.main = main;
            this.regions = regions;
        }
    }

    /** One region's metadata with its patterns compiled. */
    private static final class Region {
        final String name;
        final int countryCode;
        final Pattern internationalPrefix;
        final Pattern nationalPrefix;
        final String nationalPrefixTransform;
        final Pattern leadingDigits;
        final Desc general;
        final List<Integer> generalLengths;
        final List<Integer> generalLocalLengths;
        final Desc fixedLine;
        final Desc mobile;
        /** The types but fixed line and mobile. */
        final Desc[] otherTypes;
        final boolean sameMobileAndFixedLine;
        final Format[] formats;

        Region(String name, PhoneMetadata metadata) {
            this.name = name;
            this.countryCode = metadata.getCountryCode();
            this.internationalPrefix = Pattern.compile(metadata.getInternationalPrefix());
            String prefix = metadata.getNationalPrefixForParsing();
            this.nationalPrefix = prefix.isEmpty() ? null : Pattern.compile(prefix);
            this.nationalPrefixTransform = metadata.getNationalPrefixTransformRule();
            this.leadingDigits = metadata.hasLeadingDigits() ? Pattern.compile(metadata.getLeadingDigits()) : null;
            this.general = new Desc(metadata.getGeneralDesc());
            this.generalLengths = metadata.getGeneralDesc().getPossibleLengthList();
            this.generalLocalLengths = metadata.getGeneralDesc().getPossibleLengthLocalOnlyList();
            this.fixedLine = new Desc(metadata.getFixedLine());
            this.mobile = new Desc(metadata.getMobile());
            this.otherTypes = new Desc[] {new Desc(metadata.getPremiumRate()), new Desc(metadata.getTollFree()),
                    new Desc(metadata.getSharedCost()), new Desc(metadata.getVoip()),
                    new Desc(metadata.getPersonalNumber()), new Desc(metadata.getPager()),
                    new Desc(metadata.getUan()), new Desc(metadata.getVoicemail())};
            this.sameMobileAndFixedLine = metadata.getSameMobileAndFixedLinePattern();
            List<NumberFormat> source = metadata.getIntlNumberFormatList().isEmpty()
                    ? metadata.getNumberFormatList() : metadata.getIntlNumberFormatList();
            List<Format> list = new ArrayList<>(source.size());
            for (NumberFormat format : source) {
                list.add(new Format(format));
            }
            this.formats = list.toArray(new Format[0]);
        }

        /**
         * libphonenumber's getNumberTypeHelper(...) != UNKNOWN: the general pattern, and any one type's (its order
         * decides the type, not whether there is one, so the common fixed-line and mobile patterns go first).
         */
        boolean hasType(String nsn) {
            if (!general.matches(nsn)) {
                return false;
            }
            if (fixedLine.matches(nsn) || !sameMobileAndFixedLine && mobile.matches(nsn)) {
                return true;
            }
            for (Desc type : otherTypes) {
                if (type.matches(nsn)) {
                    return true;
                }
            }
            return false;
        }

        /** libphonenumber's formatNsn for INTERNATIONAL: the first format whose leading digits and pattern fit. */
        String formatNational(String nsn) {
            for (Format format : formats) {
                if (format.leadingDigits == null || format.leadingDigits.matcher(nsn).lookingAt()) {
                    var matcher = format.pattern.matcher(nsn);
                    if (matcher.matches()) {
                        return matcher.replaceAll(format.rule);
                    }
                }
            }
            return nsn;
        }
    }

    /** A number description: its possible lengths (none listed means any) and its national number pattern. */
    private static final class Desc {
        final boolean[] lengths;
        final Pattern pattern;

        Desc(PhoneNumberDesc desc) {
            List<Integer> possible = desc.getPossibleLengthList();
            if (possible.isEmpty()) {
                lengths = null;
            } else {
                int max = 0;
                for (int length : possible) {
                    max = Math.max(max, length);
                }
                lengths = new boolean[max + 1];
                for (int length : possible) {
                    if (length >= 0) {
                        lengths[length] = true;
                    }
                }
            }
            String regex = desc.getNationalNumberPattern();
            pattern = regex.isEmpty() ? null : Pattern.compile(regex);
        }

        /** libphonenumber's isNumberMatchingDesc. */
        boolean matches(String nsn) {
            int length = nsn.length();
            if (lengths != null && (length >= lengths.length || !lengths[length])) {
                return false;
            }
            return patternMatches(nsn);
        }

        /** libphonenumber's matchNationalNumber without prefix matches. */
        boolean patternMatches(String number) {
            return pattern != null && pattern.matcher(number).matches();
        }
    }

    private static final class Format {
        final Pattern leadingDigits;
        final Pattern pattern;
        final String rule;

        Format(NumberFormat format) {
            int count = format.getLeadingDigitsPatternCount();
            this.leadingDigits = count == 0 ? null : Pattern.compile(format.getLeadingDigitsPattern(count - 1));
            this.pattern = Pattern.compile(format.getPattern());
            this.rule = format.getFormat();
        }
    }
}
