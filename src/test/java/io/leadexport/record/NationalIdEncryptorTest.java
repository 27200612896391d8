package io.leadexport.record;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NationalIdEncryptorTest {

    private static final String KEY_2023 = key(1);
    private static final String KEY_2024 = key(2);

    private final NationalIdEncryptor encryptor = new NationalIdEncryptor(Map.of("k2024", KEY_2024), "k2024");

    private static String key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aValueDecryptsToWhatWasEncrypted() {
        String encrypted = encryptor.encrypt("123-45-6789");

        assertThat(encryptor.decrypt(encrypted)).isEqualTo("123-45-6789");
    }

    @Test
    void unicodeSurvivesTheRoundTrip() {
        String encrypted = encryptor.encrypt("Ñ-ΑΒΓ-😀");

        assertThat(encryptor.decrypt(encrypted)).isEqualTo("Ñ-ΑΒΓ-😀");
    }

    @Test
    void theValueNamesTheVersionAndKeyAndIsUnpaddedBase64Url() {
        String encrypted = encryptor.encrypt("123-45-6789");

        assertThat(encrypted).matches("enc:v1:k2024:[A-Za-z0-9_-]+").doesNotContain("6789");
        byte[] payload = Base64.getUrlDecoder().decode(encrypted.substring("enc:v1:k2024:".length()));
        // 12-byte IV, 11 bytes of ciphertext, 16-byte tag
        assertThat(payload).hasSize(12 + 11 + 16);
    }

    @Test
    void twoEncryptionsOfTheSameValueDifferBecauseTheIvIsRandom() {
        String first = encryptor.encrypt("123-45-6789");
        String second = encryptor.encrypt("123-45-6789");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aTamperedValueDoesNotDecrypt() {
        String encrypted = encryptor.encrypt("123-45-6789");
        byte[] payload = Base64.getUrlDecoder().decode(encrypted.substring("enc:v1:k2024:".length()));
        payload[payload.length - 20] ^= 1;
        String tampered = "enc:v1:k2024:" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);

        assertThatIllegalArgumentException().isThrownBy(() -> encryptor.decrypt(tampered))
                .withMessageContaining("does not decrypt");
    }

    @Test
    void aValueDoesNotDecryptWithAnotherKeyUnderItsId() {
        String encrypted = encryptor.encrypt("123-45-6789");
        NationalIdEncryptor impostor = new NationalIdEncryptor(Map.of("k2024", KEY_2023), "k2024");

        assertThatIllegalArgumentException().isThrownBy(() -> impostor.decrypt(encrypted));
    }

    @Test
    void aValueEncryptedWithAnOldKeyDecryptsAfterRotation() {
        NationalIdEncryptor before = new NationalIdEncryptor(Map.of("k2023", KEY_2023), "k2023");
        String old = before.encrypt("123-45-6789");
        NationalIdEncryptor after = new NationalIdEncryptor(Map.of("k2023", KEY_2023, "k2024", KEY_2024), "k2024");

        String decrypted = after.decrypt(old);

        assertThat(decrypted).isEqualTo("123-45-6789");
        assertThat(after.encrypt("123-45-6789")).startsWith("enc:v1:k2024:");
    }

    @Test
    void aValueNamingAnUnknownKeyIsRejected() {
        NationalIdEncryptor other = new NationalIdEncryptor(Map.of("k2023", KEY_2023), "k2023");
        String encrypted = encryptor.encrypt("123-45-6789");

        assertThatIllegalArgumentException().isThrownBy(() -> other.decrypt(encrypted))
                .withMessageContaining("k2024");
    }

    @Test
    void aValueWithoutThePrefixIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> encryptor.decrypt("123-45-6789"));
    }

    @Test
    void aValueWithoutAKeyIdIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> encryptor.decrypt("enc:v1:k2024"));
    }

    @Test
    void aTruncatedValueIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> encryptor.decrypt("enc:v1:k2024:AAAA"));
    }

    @Test
    void aKeyOfTheWrongLengthIsRejectedNamingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NationalIdEncryptor(Map.of("k-short", shortKey), "k-short"))
                .withMessageContaining("national-id-keys.k-short").withMessageContaining("32");
    }

    @Test
    void anActiveKeyThatIsNotConfiguredIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NationalIdEncryptor(Map.of("k2024", KEY_2024), "k2025"))
                .withMessageContaining("k2025");
    }

    @Test
    void withoutAnActiveKeyEncryptionIsNotConfigured() {
        NationalIdEncryptor unconfigured = new NationalIdEncryptor(Map.of("k2024", KEY_2024), null);

        assertThat(unconfigured.isConfigured()).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> unconfigured.encrypt("123-45-6789"));
    }

    @Test
    void nullEncryptsToNull() {
        assertThat(encryptor.encrypt(null)).isNull();
    }
}
