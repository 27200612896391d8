package io.leadexport.deliver;

import java.util.Optional;

import org.apache.camel.http.base.HttpOperationFailedException;

/** What a failed delivery says to the person reading the job: for a CRM, its own answer. */
public final class DeliveryFailures {

    private static final int MAX_BODY = 1000;

    private DeliveryFailures() {
    }

    public static Optional<String> describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                String body = http.getResponseBody() == null ? "" : http.getResponseBody().strip();
                if (body.length() > MAX_BODY) {
                    body = body.substring(0, MAX_BODY) + "…";
                }
                return Optional.of("The CRM answered HTTP " + http.getStatusCode()
                        + (http.getStatusText() == null ? "" : " " + http.getStatusText())
                        + (body.isEmpty() ? "" : ": " + body));
            }
        }
        return Optional.empty();
    }
}
