package io.leadexport.record;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How lead values are written: the conversation link, the phone region, and the national ID encryption keys
 * ({@code lead-export.security.national-id-keys}, {@code lead-export.security.national-id-active-key}).
 */
@Validated
@ConfigurationProperties("lead-export")
public record RecordProperties(
        @DefaultValue("https://chat.example.com/conversations/{id}") @NotBlank String conversationUrlTemplate,
        @DefaultValue @Valid Phone phone,
        @DefaultValue NationalIdKeys security) {

    public record Phone(@DefaultValue("US") @NotBlank String defaultRegion) {
    }

    public record NationalIdKeys(Map<String, String> nationalIdKeys, String nationalIdActiveKey) {

        public NationalIdKeys {
            nationalIdKeys = nationalIdKeys == null ? Map.of() : Map.copyOf(nationalIdKeys);
        }
    }
}
