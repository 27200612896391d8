package io.leadexport.format;

/**
 * One CSV record built in a reused buffer and handed to the writer in one piece, instead of one small synchronized
 * write per value and separator. The quoting is Commons CSV's {@code CSVFormat.RFC4180} (quote mode MINIMAL) rule
 * for rule, so the bytes are the same as {@code CSVPrinter.printRecord} writes (CsvLeadWriterTest compares the two
 * on random text):
 * <ul>
 *   <li>an empty value is quoted only as the first value of a record ({@code ""}), so that a record of one empty
 *       value is not an empty line;</li>
 *   <li>a value is quoted when its first character is at most {@code '#'} (controls, space, {@code ! " #}), when it
 *       holds a line feed, carriage return, quote or comma, or when its last character is at most a space;</li>
 *   <li>inside quotes, a quote is doubled. Records end with CRLF.</li>
 * </ul>
 */
final class CsvLine {

    private static final char QUOTE = '"';
    private static final char COMMA = ',';

    private char[] chars;
    private int length;

    CsvLine() {
        this(1024);
    }

    /** @param capacity the characters it holds before it grows */
    CsvLine(int capacity) {
        chars = new char[Math.max(16, capacity)];
    }

    /** Starts a new record, forgetting the last one. */
    CsvLine clear() {
        length = 0;
        return this;
    }

    /** Adds one value (never null: the writers turn null into ""). */
    CsvLine add(String value, boolean first) {
        if (!first) {
            append(COMMA);
        }
        if (needsQuotes(value, first)) {
            append(QUOTE);
            int n = value.length();
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (c == QUOTE) {
                    append(QUOTE);
                }
                append(c);
            }
            append(QUOTE);
        } else {
            append(value);
        }
        return this;
    }

    CsvLine end() {
        append('\r');
        append('\n');
        return this;
    }

    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    /**
     * The record(s) in UTF-8, the bytes {@code new String(chars(), 0, length()).getBytes(UTF_8)} gives (a lone
     * surrogate becomes {@code ?}), in one pass with no String in between.
     */
    byte[] utf8() {
        int size = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                size++;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                    size += 4;
                    i++;
                } else {
                    size++;
                }
            } else {
                size += 3;
            }
        }
        byte[] bytes = new byte[size];
        int at = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                bytes[at++] = (byte) c;
            } else if (c < 0x800) {
                bytes[at++] = (byte) (0xC0 | c >> 6);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                    int code = Character.toCodePoint(c, chars[++i]);
                    bytes[at++] = (byte) (0xF0 | code >> 18);
                    bytes[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                    bytes[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                    bytes[at++] = (byte) (0x80 | code & 0x3F);
                } else {
                    bytes[at++] = '?';
                }
            } else {
                bytes[at++] = (byte) (0xE0 | c >> 12);
                bytes[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return bytes;
    }

    static boolean needsQuotes(String value, boolean first) {
        int n = value.length();
        if (n == 0) {
            return first;
        }
        if (value.charAt(0) <= '#') {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == QUOTE || c == COMMA) {
                return true;
            }
        }
        return value.charAt(n - 1) <= ' ';
    }

    private void append(char c) {
        if (length == chars.length) {
            grow(length + 1);
        }
        chars[length++] = c;
    }

    private void append(String value) {
        int n = value.length();
        if (length + n > chars.length) {
            grow(length + n);
        }
        value.getChars(0, n, chars, length);
        length += n;
    }

    private void grow(int needed) {
        chars = java.util.Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
    }
}
