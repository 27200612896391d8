package io.leadexport.format;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Date-time text for the writers, two per lead: the same characters as {@code DateTimeFormatter}, spelled out by hand
 * for years 1 to 9999, which is several times cheaper than the formatter's general machinery. Other years go
 * through the formatter itself. DateTextsTest compares both on random values.
 */
final class DateTexts {

    /** CSV and text: {@code yyyy-MM-dd HH:mm:ss}. */
    static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DateTexts() {
    }

    /** {@link #PLAIN}: {@code 2024-01-15 14:30:22}. */
    static String plain(OffsetDateTime time) {
        int year = time.getYear();
        if (year < 1 || year > 9999) {
            return PLAIN.format(time);
        }
        char[] text = new char[19];
        date(text, time, year);
        text[10] = ' ';
        clock(text, time);
        return new String(text);
    }

    /** {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME}: {@code 2024-01-15T14:30:22.123456-05:00}, {@code ...Z}. */
    static String iso(OffsetDateTime time) {
        int year = time.getYear();
        if (year < 1 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        String offset = time.getOffset().getId();
        int nano = time.getNano();
        int fraction = 0;
        if (nano != 0) {
            fraction = 9;
            for (int rest = nano; rest % 10 == 0; rest /= 10) {
                fraction--;
            }
        }
        char[] text = new char[19 + (fraction == 0 ? 0 : 1 + fraction) + offset.length()];
        date(text, time, year);
        text[10] = 'T';
        clock(text, time);
        int at = 19;
        if (fraction > 0) {
            text[at++] = '.';
            int digits = nano;
            for (int i = 9; i > fraction; i--) {
                digits /= 10;
            }
            for (int i = fraction - 1; i >= 0; i--) {
                text[at + i] = (char) ('0' + digits % 10);
                digits /= 10;
            }
            at += fraction;
        }
        offset.getChars(0, offset.length(), text, at);
        return new String(text);
    }

    private static void date(char[] text, OffsetDateTime time, int year) {
        text[0] = (char) ('0' + year / 1000);
        text[1] = (char) ('0' + year / 100 % 10);
        text[2] = (char) ('0' + year / 10 % 10);
        text[3] = (char) ('0' + year % 10);
        text[4] = '-';
        two(text, 5, time.getMonthValue());
        text[7] = '-';
        two(text, 8, time.getDayOfMonth());
    }

    private static void clock(char[] text, OffsetDateTime time) {
        two(text, 11, time.getHour());
        text[13] = ':';
        two(text, 14, time.getMinute());
        text[16] = ':';
        two(text, 17, time.getSecond());
    }

    private static void two(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }
}
