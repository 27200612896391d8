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

    private final String defaultRegion;

    public PhoneFormatter(String defaultRegion) {
        this.defaultRegion = defaultRegion;
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
        try {
            PhoneNumber number = PHONES.parse(trimmed, defaultRegion);
            if (!PHONES.isValidNumber(number)) {
                return trimmed;
            }
            return new FormattedPhone(PHONES.format(number, e164 ? PhoneNumberFormat.E164 : PhoneNumberFormat.INTERNATIONAL));
        } catch (NumberParseException e) {
            return trimmed;
        }
    }
}
