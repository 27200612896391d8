package io.leadexport.format;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lays out {@code Label: value} lines for an 80-column terminal. Labels are padded to a common width; a value that
 * does not fit is wrapped onto continuation lines indented under the value column, at spaces and between East-Asian
 * characters, measured in terminal columns (see {@link DisplayWidth}); surrogate pairs and combining marks stay
 * together. A word longer than the value column (a long URL or an encrypted ID) is kept whole rather than cut, so it
 * can still be copied. Line breaks inside a value are kept; tabs become spaces; other control characters, which a
 * terminal would act on, are shown as symbols.
 */
final class TextLayout {

    static final int WIDTH = 80;
    private static final int TAB_STOP = 4;
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private final int valueColumn;

    /** @param labels every label this layout will print, so that their values line up */
    TextLayout(Collection<String> labels) {
        int widest = labels.stream().mapToInt(DisplayWidth::of).max().orElse(0);
        this.valueColumn = widest + 2;
    }

    /** Writes a field; an empty value leaves the label alone on its line. */
    void field(Writer out, String label, String value) throws IOException {
        String prefix = label + ":" + " ".repeat(valueColumn - DisplayWidth.of(label) - 1);
        String indent = " ".repeat(valueColumn);
        boolean first = true;
        for (String line : LINE_BREAK.split(value, -1)) {
            for (String piece : wrap(printable(line), WIDTH - valueColumn)) {
                line(out, ((first ? prefix : indent) + piece).stripTrailing());
                first = false;
            }
        }
    }

    static void line(Writer out, String text) throws IOException {
        out.write(text);
        out.write('\n');
    }

    /**
     * Breaks one line of text into pieces of at most {@code width} columns, except where a single word is wider.
     * Spaces inside a piece are kept as they were; spaces at a break are dropped.
     */
    static List<String> wrap(String line, int width) {
        if (DisplayWidth.of(line) <= width) {
            return List.of(line);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int pieceWidth = 0;
        int segmentStart = 0;
        int previous = -1;
        int base = -1;
        for (int i = 0; i <= line.length(); ) {
            int current = i < line.length() ? line.codePointAt(i) : -1;
            if (current == -1 || (previous != -1 && mayBreakBetween(previous, base, current))) {
                String segment = line.substring(segmentStart, i);
                int wordWidth = DisplayWidth.of(segment.stripTrailing());
                if (pieceWidth > 0 && pieceWidth + wordWidth > width) {
                    pieces.add(piece.toString().stripTrailing());
                    piece.setLength(0);
                    pieceWidth = 0;
                }
                piece.append(segment);
                pieceWidth += DisplayWidth.of(segment);
                segmentStart = i;
            }
            if (current == -1) {
                break;
            }
            previous = current;
            base = DisplayWidth.of(current) > 0 ? current : base;
            i += Character.charCount(current);
        }
        pieces.add(piece.toString().stripTrailing());
        return pieces;
    }

    /**
     * Breaks go after spaces, and between East-Asian wide characters, which are written without spaces; never inside
     * a word such as a URL, an e-mail address or a phone number, never before a combining mark or after a zero-width
     * joiner, never before closing or after opening punctuation.
     *
     * @param base the last character before {@code current} that takes room (not a combining mark)
     */
    private static boolean mayBreakBetween(int previous, int base, int current) {
        if (Character.isWhitespace(current)) {
            return false;
        }
        if (Character.isWhitespace(previous)) {
            return true;
        }
        if (DisplayWidth.of(current) == 0 || previous == ZERO_WIDTH_JOINER || base == -1) {
            return false;
        }
        if (opens(base) || closes(current)) {
            return false;
        }
        return DisplayWidth.of(base) == 2 || DisplayWidth.of(current) == 2;
    }

    private static boolean opens(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.START_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION;
    }

    private static boolean closes(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION;
    }

    /**
     * Tabs become spaces up to the next tab stop; other control characters (an escape sequence could rewrite the
     * reader's terminal) become their visible Unicode symbols, or U+FFFD for the C1 range.
     */
    static String printable(String line) {
        StringBuilder text = null;
        int column = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            String replacement = null;
            if (codePoint == '\t') {
                replacement = " ".repeat(TAB_STOP - column % TAB_STOP);
            } else if (codePoint < 0x20) {
                replacement = String.valueOf((char) (0x2400 + codePoint));
            } else if (codePoint == 0x7F) {
                replacement = "\u2421";
            } else if (codePoint >= 0x80 && codePoint <= 0x9F) {
                replacement = "\uFFFD";
            }
            if (replacement != null && text == null) {
                text = new StringBuilder(line.length() + 8).append(line, 0, i);
            }
            if (text != null) {
                if (replacement != null) {
                    text.append(replacement);
                } else {
                    text.appendCodePoint(codePoint);
                }
            }
            column += replacement != null ? DisplayWidth.of(replacement) : DisplayWidth.of(codePoint);
            i += Character.charCount(codePoint);
        }
        return text == null ? line : text.toString();
    }
}
