package io.leadexport.record;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNameTest {

    @Test
    void theLastWordIsTheLastName() {
        assertThat(PersonName.split("  Mary   Ann O'Brien ")).isEqualTo(new PersonName("Mary Ann", "O'Brien"));
    }

    @Test
    void lowerCaseParticlesStayWithTheLastName() {
        assertThat(PersonName.split("Ludwig van der Berg")).isEqualTo(new PersonName("Ludwig", "van der Berg"));
        assertThat(PersonName.split("Maria da Silva")).isEqualTo(new PersonName("Maria", "da Silva"));
        assertThat(PersonName.split("Vincent Van Gogh")).as("capitalised: a name of its own")
                .isEqualTo(new PersonName("Vincent Van", "Gogh"));
    }

    @Test
    void aNameThatCannotBeSplitGoesWholeIntoTheLastName() {
        assertThat(PersonName.split("李小龙")).isEqualTo(new PersonName("", "李小龙"));
        assertThat(PersonName.split("Madonna")).isEqualTo(new PersonName("", "Madonna"));
        assertThat(PersonName.split("   ")).isEqualTo(new PersonName("", ""));
        assertThat(PersonName.split(null)).isEqualTo(new PersonName("", ""));
    }

    @Test
    void lastCommaFirstIsReadAsWritten() {
        assertThat(PersonName.split("Berg, Ludwig")).isEqualTo(new PersonName("Ludwig", "Berg"));
        assertThat(PersonName.split("a, b, c")).as("more than one comma: not that form")
                .isEqualTo(new PersonName("a, b,", "c"));
    }
}
