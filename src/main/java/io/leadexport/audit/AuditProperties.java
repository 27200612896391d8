package io.leadexport.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The audit log's part of {@code lead-export.*}. */
@Validated
@ConfigurationProperties("lead-export")
public record AuditProperties(@DefaultValue @Valid Audit audit) {

    /**
     * @param queueCapacity entries waiting to be written; beyond that an entry is dropped (counted and logged) rather
     *                      than holding up the action it records
     */
    public record Audit(@DefaultValue("10000") @Min(1) int queueCapacity) {
    }
}
