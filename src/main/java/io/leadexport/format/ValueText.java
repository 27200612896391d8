package io.leadexport.format;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import io.leadexport.record.FormattedPhone;

/** How a formatted value reads as text in CSV and the text report. */
final class ValueText {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ValueText() {
    }

    /** @return the text, formula-neutralised unless it is a formatted phone number; "" for null */
    static String safeText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime time) {
            return DATE_TIME.format(time);
        }
        if (value instanceof FormattedPhone phone) {
            return phone.text();
        }
        return FormulaGuard.neutralise(value.toString());
    }
}
