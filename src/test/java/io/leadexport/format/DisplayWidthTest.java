package io.leadexport.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayWidthTest {

    @Test
    void countsLatinArabicAndAccentedLettersAsOneColumn() {
        assertThat(DisplayWidth.of("Zoë محمد")).isEqualTo(8);
    }

    @Test
    void countsChineseJapaneseAndKoreanCharactersAsTwoColumns() {
        assertThat(DisplayWidth.of("王伟カ한")).isEqualTo(8);
    }

    @Test
    void countsCombiningMarksAsNoColumn() {
        assertThat(DisplayWidth.of("e\u0308")).isEqualTo(1);
    }

    @Test
    void countsAnEmojiOutsideTheBasicPlaneAsTwoColumns() {
        assertThat(DisplayWidth.of("\uD83D\uDE00")).isEqualTo(2);
    }
}
