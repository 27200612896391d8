package io.leadexport.record;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for national IDs: {@code enc:v1:<keyId>:<base64url(iv|ciphertext|tag)>} with a random 96-bit IV and a
 * 128-bit tag; base64url without padding. The key id travels with the value so keys can be rotated.
 */
public class NationalIdEncryptor {

    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param base64Keys  key id to base64 of a 32-byte key
     * @param activeKeyId the key used to encrypt, or null when encryption is not configured
     */
    public NationalIdEncryptor(Map<String, String> base64Keys, String activeKeyId) {
        Map<String, SecretKey> decoded = new LinkedHashMap<>();
        base64Keys.forEach((id, base64) -> {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length != 32) {
                throw new IllegalArgumentException("lead-export.security.national-id-keys." + id
                        + " must be the base64 of 32 bytes (AES-256), not " + key.length);
            }
            decoded.put(id, new SecretKeySpec(key, "AES"));
        });
        if (activeKeyId != null && !activeKeyId.isBlank() && !decoded.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("lead-export.security.national-id-active-key '" + activeKeyId
                    + "' is not one of lead-export.security.national-id-keys " + decoded.keySet());
        }
        this.keys = Map.copyOf(decoded);
        this.activeKeyId = activeKeyId == null || activeKeyId.isBlank() ? null : activeKeyId;
    }

    public boolean isConfigured() {
        return activeKeyId != null;
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        if (activeKeyId == null) {
            throw new IllegalStateException("no national-ID encryption key is configured");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + activeKeyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The inverse of {@link #encrypt}, with whichever configured key the value names. */
    public String decrypt(String value) {
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an enc:v1 value");
        }
        String rest = value.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not an enc:v1:<keyId>:<data> value");
        }
        SecretKey key = keys.get(rest.substring(0, colon));
        if (key == null) {
            throw new IllegalArgumentException("unknown key id " + rest.substring(0, colon));
        }
        byte[] in = Base64.getUrlDecoder().decode(rest.substring(colon + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the value does not decrypt with key " + rest.substring(0, colon), e);
        }
    }
}
