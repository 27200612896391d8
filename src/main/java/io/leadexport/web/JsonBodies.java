package io.leadexport.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import io.leadexport.request.InvalidExportRequestException;
import io.leadexport.request.InvalidExportRequestException.FieldError;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The text of a JSON request body, read from what platform-http hands the route (a reader over the request). The
 * {@link RequestBodyGuard} has limited the body to {@code lead-export.export.max-request-bytes} and decodes it as
 * strict UTF-8, so reading here ends in a 413 or a 400 rather than an oversized or garbled string.
 */
@Component("jsonBodies")
public class JsonBodies {

    /** The body's bytes, checked to be UTF-8 within the limit (the parser takes bytes, as from an inbox file). */
    public byte[] bytes(Exchange exchange) throws IOException {
        return text(exchange).getBytes(StandardCharsets.UTF_8);
    }

    String text(Exchange exchange) throws IOException {
        Object body;
        try {
            body = exchange.getMessage().getBody();
            if (body instanceof Reader reader) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[8192];
                for (int n; (n = reader.read(buffer)) >= 0; ) {
                    text.append(buffer, 0, n);
                }
                return text.toString();
            }
            if (body instanceof InputStream in) {
                return decode(in.readAllBytes());
            }
        } catch (CharacterCodingException e) {
            throw notUtf8();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IOException)) {
                cause = cause.getCause();
            }
            if (cause instanceof CharacterCodingException) {
                throw notUtf8();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw e;
        }
        if (body instanceof byte[] bytes) {
            return decode(bytes);
        }
        return body == null ? "" : body.toString();
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    private static InvalidExportRequestException notUtf8() {
        return new InvalidExportRequestException(FieldError.of("body", "is not valid UTF-8"));
    }
}
