package io.leadexport.format;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextLayoutTest {

    @Test
    void keepsALineThatFits() {
        assertThat(TextLayout.wrap("short line", 20)).containsExactly("short line");
    }

    @Test
    void breaksAtSpacesAndDropsThem() {
        assertThat(TextLayout.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
    }

    @Test
    void keepsRunsOfSpacesInsideALine() {
        assertThat(TextLayout.wrap("a  b   c dddddddd", 8)).containsExactly("a  b   c", "dddddddd");
    }

    @Test
    void neverBreaksInsideAUrlOrAPhoneNumber() {
        List<String> pieces = TextLayout.wrap("call +1 415-555-0132 or see https://example.com/a-b.c", 12);

        assertThat(pieces).containsExactly("call +1", "415-555-0132", "or see", "https://example.com/a-b.c");
    }

    @Test
    void breaksBetweenChineseCharactersByTheirWidth() {
        assertThat(TextLayout.wrap("我们的保险产品", 6)).containsExactly("我们的", "保险产", "品");
    }

    @Test
    void keepsClosingPunctuationOnTheLineOfWhatItCloses() {
        assertThat(TextLayout.wrap("产品好，请联系", 6)).containsExactly("产品", "好，请", "联系");
    }

    @Test
    void keepsCombiningMarksWithTheirLetter() {
        String decomposed = "Zoe\u0308 Zoe\u0308";

        assertThat(TextLayout.wrap(decomposed, 3)).containsExactly("Zoe\u0308", "Zoe\u0308");
    }

    @Test
    void keepsAnEmojiSequenceJoinedByZeroWidthJoinersTogether() {
        String family = "\uD83D\uDE00\u200D\uD83D\uDE00";

        assertThat(TextLayout.wrap("ab " + family, 3)).containsExactly("ab", family);
    }

    @Test
    void turnsTabsIntoSpacesUpToTheNextTabStop() {
        assertThat(TextLayout.printable("a\tbc\td")).isEqualTo("a   bc  d");
    }

    @Test
    void showsControlCharactersAsTheirSymbols() {
        assertThat(TextLayout.printable("\u001b[2J\u0000\u007f\u0085")).isEqualTo("\u241b[2J\u2400\u2421\ufffd");
    }
}
