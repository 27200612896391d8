package io.leadexport.record;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One spelling for each policy of interest, whatever the capture wrote ({@code auto}, {@code AUTO }, {@code Auto}
 * become {@code Auto}), so a CRM picklist gets one value per policy. A policy outside the known list keeps its words,
 * each capitalised ({@code pet insurance} becomes {@code Pet Insurance}).
 */
public final class PolicyNames {

    private static final Map<String, String> KNOWN = Map.of(
            "auto", "Auto", "home", "Home", "life", "Life", "health", "Health", "travel", "Travel");

    private PolicyNames() {
    }

    public static String canonical(String captured) {
        if (captured == null || captured.isBlank()) {
            return null;
        }
        String words = captured.strip().replaceAll("\\s+", " ");
        String known = KNOWN.get(words.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return Arrays.stream(words.split(" "))
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }
}
