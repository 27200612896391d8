package io.leadexport.web;

/** An HTTP error with a status and title of its own (404 for a job that is not yours, 410 for an expired file). */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final long retryAfterSeconds;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, 0);
    }

    private ProblemException(int status, String title, String detail, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 429 with a {@code Retry-After} header: the caller is over one of its limits for now. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "Too Many Requests", detail, Math.max(1, retryAfterSeconds));
    }

    /** Seconds to wait before trying again, for a {@code Retry-After} header; 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }
}
