package io.leadexport.format;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** A CSV line's UTF-8 bytes are those Java's own encoder gives its text, lone surrogates included. */
class CsvLineProperties {

    @Property(tries = 5000)
    void theBytesAreJavasUtf8(@ForAll("text") String value, @ForAll("text") String other) {
        CsvLine line = new CsvLine(4).add(value, true).add(other, false).end();

        assertThat(line.utf8()).isEqualTo(
                new String(line.chars(), 0, line.length()).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("aé中\"\n,\uD83E\uDD8A\uD800\uDC00\uDFFF").ofMaxLength(40));
    }
}
