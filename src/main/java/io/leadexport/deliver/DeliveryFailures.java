package io.leadexport.deliver;

import java.util.Optional;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;

/**
 * What a failed delivery says to the person reading the job: for a CRM, its status, error code and message
 * ({@link CrmErrorAnswer}), never the records it echoes back.
 */
public final class DeliveryFailures {

    private DeliveryFailures() {
    }

    public static Optional<String> describe(Throwable failure) {
        HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, failure);
        if (http == null) {
            return Optional.empty();
        }
        return Optional.of(CrmErrorAnswer.describe(http.getStatusCode(), http.getStatusText(), http.getResponseBody()));
    }
}
