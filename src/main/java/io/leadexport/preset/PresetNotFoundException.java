package io.leadexport.preset;

/** No preset of that name that the caller may change: a 404. */
public class PresetNotFoundException extends RuntimeException {

    public PresetNotFoundException(String message) {
        super(message);
    }
}
