package io.leadexport.format;

/**
 * How many terminal (or spreadsheet) columns text takes: East-Asian wide and full-width characters take two, combining
 * marks and format characters none, everything else one. A compact version of Markus Kuhn's {@code wcwidth}, enough
 * to keep Chinese, Japanese and Korean text from running past the edge where a plain character count would not.
 */
final class DisplayWidth {

    private DisplayWidth() {
    }

    static int of(CharSequence text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            width += of(codePoint);
            i += Character.charCount(codePoint);
        }
        return width;
    }

    static int of(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    private static boolean isWide(int c) {
        return c >= 0x1100 && (c <= 0x115F                 // Hangul Jamo initial consonants
                || c == 0x2329 || c == 0x232A
                || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) // CJK radicals ... Yi
                || (c >= 0xAC00 && c <= 0xD7A3)            // Hangul syllables
                || (c >= 0xF900 && c <= 0xFAFF)            // CJK compatibility ideographs
                || (c >= 0xFE10 && c <= 0xFE19)            // vertical forms
                || (c >= 0xFE30 && c <= 0xFE6F)            // CJK compatibility forms
                || (c >= 0xFF00 && c <= 0xFF60)            // full-width forms
                || (c >= 0xFFE0 && c <= 0xFFE6)
                || (c >= 0x1F300 && c <= 0x1F64F)          // pictographs, emoticons
                || (c >= 0x1F900 && c <= 0x1F9FF)
                || (c >= 0x20000 && c <= 0x2FFFD)
                || (c >= 0x30000 && c <= 0x3FFFD));
    }
}
