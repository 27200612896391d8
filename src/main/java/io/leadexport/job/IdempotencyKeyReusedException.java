package io.leadexport.job;

/** An {@code Idempotency-Key} that already started a job came back with a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    private final String jobId;

    public IdempotencyKeyReusedException(String key, String jobId) {
        super("The Idempotency-Key '" + key + "' already started export job " + jobId
                + " with a different request; send a new key for a new export.");
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}
