package io.leadexport.format;

import java.time.OffsetDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;

/**
 * Column widths from the header labels and the first {@value #SAMPLE_ROWS} leads, kept between {@value #MIN_CHARS}
 * and {@value #MAX_CHARS} characters. Autosizing would measure every row with AWT fonts, which a streamed sheet can't
 * do (rows already flushed) and which is slow; a sample is what people need to read the sheet.
 */
final class ColumnWidths {

    static final int SAMPLE_ROWS = 100;
    static final int MIN_CHARS = 8;
    static final int MAX_CHARS = 60;
    /** Padding for the autofilter's drop-down button. */
    private static final int PADDING_CHARS = 3;
    /** {@code yyyy-mm-dd hh:mm:ss} */
    private static final int DATE_CHARS = 19;

    private final int[] chars;
    private int sampled;

    ColumnWidths(List<String> labels) {
        chars = new int[labels.size()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = DisplayWidth.of(labels.get(i));
        }
    }

    void sample(Object[] record) {
        if (sampled >= SAMPLE_ROWS) {
            return;
        }
        sampled++;
        for (int i = 0; i < record.length && i < chars.length; i++) {
            chars[i] = Math.max(chars[i], width(record[i]));
        }
    }

    /** Sets the widths on a sheet; Excel measures them in 1/256 of a character. */
    void applyTo(Sheet sheet) {
        for (int i = 0; i < chars.length; i++) {
            int width = Math.max(MIN_CHARS, Math.min(MAX_CHARS, chars[i] + PADDING_CHARS));
            sheet.setColumnWidth(i, width * 256);
        }
    }

    /** The widest line of a value, counted no further than the cap (notes can be long). */
    private static int width(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof OffsetDateTime) {
            return DATE_CHARS;
        }
        String text = value.toString();
        int widest = 0;
        int line = 0;
        for (int i = 0; i < text.length() && widest < MAX_CHARS; ) {
            int codePoint = text.codePointAt(i);
            if (codePoint == '\n' || codePoint == '\r') {
                line = 0;
            } else {
                line += DisplayWidth.of(codePoint);
                widest = Math.max(widest, line);
            }
            i += Character.charCount(codePoint);
        }
        return widest;
    }
}
