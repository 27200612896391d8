package io.leadexport.record;

/**
 * Masks a national ID: every letter or digit but the last four becomes {@code *}, separators are kept
 * ({@code 123-45-6789} becomes {@code ***-**-6789}). An ID of four letters and digits or fewer is masked whole:
 * showing "the last four" of it would show all of it.
 */
public final class NationalIdMasker {

    private static final int VISIBLE = 4;

    private NationalIdMasker() {
    }

    public static String mask(String nationalId) {
        if (nationalId == null) {
            return null;
        }
        String id = nationalId.strip();
        int alnum = 0;
        for (int i = 0; i < id.length(); i++) {
            if (Character.isLetterOrDigit(id.charAt(i))) {
                alnum++;
            }
        }
        int toMask = alnum <= VISIBLE ? alnum : alnum - VISIBLE;
        StringBuilder masked = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isLetterOrDigit(c) && toMask > 0) {
                masked.append('*');
                toMask--;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
