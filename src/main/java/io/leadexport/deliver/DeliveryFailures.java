package io.leadexport.deliver;

import java.util.Optional;

import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * What a failed delivery says to the person reading the job: for a CRM, its status, error code and message
 * ({@link CrmErrorAnswer}), never the records it echoes back.
 */
public final class DeliveryFailures {

    private DeliveryFailures() {
    }

    public static Optional<String> describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return Optional.of(CrmErrorAnswer.describe(http.getStatusCode(), http.getStatusText(),
                        http.getResponseBody()));
            }
        }
        return Optional.empty();
    }
}
