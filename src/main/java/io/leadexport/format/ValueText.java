package io.leadexport.format;

import java.time.OffsetDateTime;

import io.leadexport.record.FormattedPhone;

/** How a formatted value reads as text in CSV and the text report. */
final class ValueText {

    private ValueText() {
    }

    /** @return the text, formula-neutralised unless it is a formatted phone number; "" for null */
    static String safeText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime time) {
            return DateTexts.plain(time);
        }
        if (value instanceof FormattedPhone phone) {
            return phone.text();
        }
        return FormulaGuard.neutralise(value.toString());
    }
}
