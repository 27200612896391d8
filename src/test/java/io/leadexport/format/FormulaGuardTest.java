package io.leadexport.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaGuardTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"=1+1", "+1+1", "-2+3", "@SUM(A1:A2)", "\tcmd", "\rcmd",
            "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)"})
    void textAFormulaCouldStartWithIsPrefixedWithAQuote(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Zoë O'Brien", "1+1=2", "call me =now", " =1+1", "'=1+1", "415-555-0132", "\n=1"})
    void textThatDoesNotStartLikeAFormulaIsUntouched(String text) {
        assertThat(FormulaGuard.neutralise(text)).isSameAs(text);
    }

    @Test
    void emptyTextIsUntouched() {
        assertThat(FormulaGuard.neutralise("")).isEmpty();
    }

    @Test
    void nullIsNotAFormula() {
        assertThat(FormulaGuard.looksLikeFormula(null)).isFalse();
        assertThat(FormulaGuard.neutralise(null)).isNull();
    }
}
