package io.leadexport.preset;

/** A preset change that would break a configured schedule, or a shared name already taken: a 409. */
public class PresetConflictException extends RuntimeException {

    public PresetConflictException(String message) {
        super(message);
    }
}
