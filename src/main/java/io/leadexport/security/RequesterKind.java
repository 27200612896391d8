package io.leadexport.security;

import java.util.Arrays;

/**
 * What kind of requester a name belongs to. A person signs in ({@code user}); a schedule and the inbox act on their
 * own with server-side configuration. The name alone never decides access: a person called {@code inbox} or
 * {@code nightly} is not the inbox or the schedule {@code nightly}.
 */
public enum RequesterKind {
    USER("user"),
    SCHEDULE("schedule"),
    INBOX("inbox");

    private final String key;

    RequesterKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static RequesterKind of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown requester kind " + key));
    }
}
