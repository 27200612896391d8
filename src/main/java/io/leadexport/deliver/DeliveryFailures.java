package io.leadexport.deliver;

import java.util.Optional;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;

/** What a failed delivery says to the person reading the job: for a CRM, its own answer. */
public final class DeliveryFailures {

    private static final int MAX_BODY = 1000;

    private DeliveryFailures() {
    }

    public static Optional<String> describe(Throwable failure) {
        HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, failure);
        if (http == null) {
            return Optional.empty();
        }
        String body = http.getResponseBody() == null ? "" : http.getResponseBody().strip();
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY) + "…";
        }
        return Optional.of("The CRM answered HTTP " + http.getStatusCode()
                + (http.getStatusText() == null ? "" : " " + http.getStatusText())
                + (body.isEmpty() ? "" : ": " + body));
    }
}
