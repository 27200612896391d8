package io.leadexport.request;

import java.util.List;
import java.util.stream.Collectors;

/** A request that cannot run: answered with a problem+json 400 (or an inbox {@code .error.json}), nothing started. */
public class InvalidExportRequestException extends RuntimeException {

    /**
     * One thing wrong with a request.
     *
     * @param field   where, as a path in the request ({@code format}, {@code filter.status[1]}, {@code fields[0]})
     * @param message what is wrong, for a person
     * @param allowed the values that would have been accepted, where there is a closed list
     */
    public record FieldError(String field, String message, List<String> allowed) {

        public FieldError {
            allowed = allowed == null ? List.of() : List.copyOf(allowed);
        }

        public static FieldError of(String field, String message) {
            return new FieldError(field, message, List.of());
        }
    }

    private final transient List<FieldError> errors;

    public InvalidExportRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidExportRequestException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
