package io.leadexport.request;

import java.util.Arrays;
import java.util.Optional;

/** How national IDs leave the system (README, "Security"). */
public enum NationalIdPolicy {
    MASKED("masked"),
    ENCRYPTED("encrypted"),
    OMITTED("omitted"),
    /** ADMIN only, and only where {@code lead-export.security.allow-plain-national-id=true}. */
    PLAIN("plain");

    private final String key;

    NationalIdPolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<NationalIdPolicy> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
