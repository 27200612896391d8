package io.leadexport.record;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyNamesTest {

    @Test
    void knownPoliciesGetOneSpelling() {
        assertThat(PolicyNames.canonical(" AUTO ")).isEqualTo("Auto");
        assertThat(PolicyNames.canonical("auto")).isEqualTo("Auto");
        assertThat(PolicyNames.canonical("tRaVeL")).isEqualTo("Travel");
    }

    @Test
    void otherPoliciesAreCapitalisedWordByWord() {
        assertThat(PolicyNames.canonical("pet   INSURANCE")).isEqualTo("Pet Insurance");
    }

    @Test
    void blankIsNoPolicy() {
        assertThat(PolicyNames.canonical("  ")).isNull();
        assertThat(PolicyNames.canonical(null)).isNull();
    }
}
