package io.leadexport.format;

/**
 * Keeps spreadsheets from running text as a formula (CSV injection): text starting with {@code = + - @}, a tab, a
 * carriage return, or their full-width forms, gets a leading {@code '}. Phone numbers formatted by libphonenumber are
 * exempt: the writers never pass them here.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    public static String neutralise(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }
}
