package io.leadexport.record;

import java.util.Locale;
import java.util.Set;

/**
 * A full name split into first and last name for a CRM. The last word is the last name, together with the lower-case
 * particles before it ({@code van der Berg}, {@code da Silva}); {@code Last, First} is read as written. A name that
 * cannot be split (one word, or a name written without spaces such as {@code 李小龙}) goes whole into the last name,
 * which the CRMs require, and the first name stays empty.
 */
public record PersonName(String first, String last) {

    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "da", "das",
            "do", "dos", "di", "du", "la", "le", "ter", "ten", "bin", "al", "el", "st.", "y");

    public static PersonName split(String fullName) {
        String name = fullName == null ? "" : fullName.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            return new PersonName("", "");
        }
        int comma = name.indexOf(',');
        if (comma > 0 && comma < name.length() - 1 && name.indexOf(',', comma + 1) < 0) {
            return new PersonName(name.substring(comma + 1).strip(), name.substring(0, comma).strip());
        }
        String[] words = name.split(" ");
        if (words.length == 1) {
            return new PersonName("", name);
        }
        int lastStart = words.length - 1;
        while (lastStart > 1 && PARTICLES.contains(words[lastStart - 1].toLowerCase(Locale.ROOT))
                && words[lastStart - 1].equals(words[lastStart - 1].toLowerCase(Locale.ROOT))) {
            lastStart--;
        }
        return new PersonName(String.join(" ", java.util.Arrays.copyOfRange(words, 0, lastStart)),
                String.join(" ", java.util.Arrays.copyOfRange(words, lastStart, words.length)));
    }
}
