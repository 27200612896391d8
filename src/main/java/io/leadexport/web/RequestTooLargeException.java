package io.leadexport.web;

import java.io.IOException;

/** A request body passed {@code lead-export.export.max-request-bytes} while it was read: a 413. */
public class RequestTooLargeException extends IOException {

    public RequestTooLargeException(long maxBytes) {
        super(detail(maxBytes));
    }

    static String detail(long maxBytes) {
        return "The request body is larger than " + maxBytes + " bytes (lead-export.export.max-request-bytes).";
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
