package io.leadexport.web;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} header of {@code POST /api/leads/export}: a client that may send the same request
 * twice (a double click, a retry after a lost answer) sends one key per intended export, and a repeat of the key by
 * the same user within 24 hours answers the job the first one started.
 */
@Component("idempotencyKeys")
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    /** The key, or null when none was sent; a key that is empty, too long or not printable ASCII is refused. */
    public String key(@Header(HEADER) String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProblemException(400, "Invalid Idempotency-Key", HEADER + " must be 1 to " + MAX_LENGTH
                    + " printable ASCII characters without spaces, e.g. a UUID");
        }
        return key;
    }
}
