package io.leadexport.security;

/** The caller may not run this export as asked (a MANAGER asking for plain national IDs): a 403. */
public class ExportForbiddenException extends RuntimeException {

    private final String field;

    public ExportForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
