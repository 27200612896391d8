package io.leadexport.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An HTTP error with a status and title of its own (404 for a job that is not yours, 410 for an expired file): a
 * Spring {@link ErrorResponseException} whose {@link ProblemDetail} is the response body.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(int status, String title, String detail) {
        super(HttpStatusCode.valueOf(status), problem(status, title, detail), null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    /** The detail, as a person reads it in a log (Spring's own message lists the whole body). */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(int status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setTitle(title);
        return problem;
    }
}
