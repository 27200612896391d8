package io.leadexport.security;

/** A user is over one of its {@link LimitsProperties limits}: answered 429 with a {@code Retry-After}. */
public class UserLimitExceededException extends RuntimeException {

    private final long retryAfterSeconds;

    public UserLimitExceededException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
