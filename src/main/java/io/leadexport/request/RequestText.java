package io.leadexport.request;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.leadexport.request.InvalidExportRequestException.FieldError;

/**
 * The text a request may carry: well-formed UTF-8, no character a PostgreSQL {@code text} column cannot hold (NUL) or
 * that is no character at all (a lone surrogate), and no value longer than {@link #MAX_LENGTH} characters. Checked
 * before anything else, so that no error message echoes an over-long or broken value.
 */
final class RequestText {

    static final int MAX_LENGTH = 200;

    private RequestText() {
    }

    /** Adds an error naming {@code field} when {@code value} is not text a request may hold. */
    static void check(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_LENGTH) {
            errors.add(FieldError.of(field, "is " + value.length() + " characters long; at most " + MAX_LENGTH
                    + " are accepted"));
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                errors.add(FieldError.of(field, "contains a NUL character (\\u0000), which cannot be stored"));
                return;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                errors.add(FieldError.of(field, "contains an unpaired surrogate (\\u"
                        + Integer.toHexString(c) + "), which is not a character"));
                return;
            }
        }
    }

    static void check(String field, List<String> values, List<FieldError> errors) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            check(field + "[" + i + "]", values.get(i), errors);
        }
    }

    /** Decodes UTF-8 strictly: malformed input is an error naming {@code field}, never a silent replacement. */
    static String utf8(String field, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidExportRequestException(FieldError.of(field, "is not valid UTF-8"));
        }
    }

    /** A library's message may quote the input: never more than a line of it. */
    static String shortened(String message) {
        return message == null || message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH) + "…";
    }

    /** The length of text in UTF-8 bytes, without encoding it (a lone surrogate counts as the 3 bytes of '?'). */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
