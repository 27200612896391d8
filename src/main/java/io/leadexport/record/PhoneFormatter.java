package io.leadexport.record;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Formats captured phone numbers (any format) as international {@code +1 415-555-0132} or E.164
 * {@code +14155550132}. Input that is not a valid number is kept as captured, trimmed.
 */
public class PhoneFormatter {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** libphonenumber's own limit on the input it parses. */
    private static final int MAX_INPUT = 250;
    /** libphonenumber takes two digits alone, or three and more with punctuation, as a possible number. */
    private static final int MIN_DIGITS = 3;

    private final String defaultRegion;
    private final PhoneRules rules;

    public PhoneFormatter(String defaultRegion) {
        this.defaultRegion = defaultRegion;
        this.rules = new PhoneRules(defaultRegion);
    }

    /** @return a {@link FormattedPhone}, the trimmed input as a String when it is not a valid number, or null */
    public Object format(String captured, boolean e164) {
        if (captured == null) {
            return null;
        }
        String trimmed = captured.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        String digits = plainDigits(trimmed);
        // The same steps as libphonenumber's on the digits alone, several times cheaper; it may leave a case to it.
        String formatted = rules.format(digits, e164);
        if (formatted == PhoneRules.INVALID) {
            return trimmed;
        }
        if (formatted != PhoneRules.UNSURE) {
            return new FormattedPhone(formatted);
        }
        return libphonenumber(trimmed, digits, e164);
    }

    /** libphonenumber's own parse, validity check and format. */
    Object libphonenumber(String trimmed, String digits, boolean e164) {
        try {
            PhoneNumber number = PHONES.parse(digits, defaultRegion);
            if (!PHONES.isValidNumber(number)) {
                return trimmed;
            }
            return new FormattedPhone(PHONES.format(number, e164 ? PhoneNumberFormat.E164 : PhoneNumberFormat.INTERNATIONAL));
        } catch (NumberParseException e) {
            return trimmed;
        }
    }

    /**
     * The digits of a phone written with ASCII digits, spaces, hyphens, dots and parentheses, with a leading
     * {@code +} kept; any other input as it is. For such input libphonenumber's {@code parse} keeps nothing but the
     * digits and whether a {@code +} leads (punctuation is dropped when it normalises the number; there can be no
     * letters, extension or second number), so it parses the digits to the same number, with a good part of its
     * pattern matching skipped. PhoneFormatterTest compares the two on the demo data's shapes and on random text.
     */
    static String plainDigits(String phone) {
        int length = phone.length();
        if (length > MAX_INPUT) {
            return phone;
        }
        char[] digits = new char[length];
        int count = 0;
        int digitCount = 0;
        for (int i = 0; i < length; i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits[count++] = c;
                digitCount++;
            } else if (c == '+' && i == 0) {
                digits[count++] = c;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return phone;
            }
        }
        return digitCount < MIN_DIGITS ? phone : new String(digits, 0, count);
    }
}
