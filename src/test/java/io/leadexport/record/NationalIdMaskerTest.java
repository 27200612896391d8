package io.leadexport.record;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NationalIdMaskerTest {

    @Test
    void allButTheLastFourDigitsAreMaskedKeepingSeparators() {
        assertThat(NationalIdMasker.mask("123-45-6789")).isEqualTo("***-**-6789");
    }

    @Test
    void lettersAreMaskedLikeDigits() {
        assertThat(NationalIdMasker.mask("AB123456C")).isEqualTo("*****456C");
    }

    @Test
    void everyKindOfSeparatorIsKept() {
        assertThat(NationalIdMasker.mask("12.345 678/90")).isEqualTo("**.*** *78/90");
    }

    @Test
    void anIdOfFourLettersAndDigitsIsMaskedWhole() {
        assertThat(NationalIdMasker.mask("12-34")).isEqualTo("**-**");
    }

    @Test
    void anIdShorterThanFourIsMaskedWhole() {
        assertThat(NationalIdMasker.mask("X9")).isEqualTo("**");
    }

    @Test
    void anIdOfFiveShowsOnlyTheLastFour() {
        assertThat(NationalIdMasker.mask("12345")).isEqualTo("*2345");
    }

    @Test
    void surroundingWhitespaceIsDropped() {
        assertThat(NationalIdMasker.mask("  123-45-6789 \n")).isEqualTo("***-**-6789");
    }

    @Test
    void nonLatinLettersAreMasked() {
        assertThat(NationalIdMasker.mask("ΑΒΓ123456")).isEqualTo("*****3456");
    }

    @Test
    void nullStaysNull() {
        assertThat(NationalIdMasker.mask(null)).isNull();
    }
}
