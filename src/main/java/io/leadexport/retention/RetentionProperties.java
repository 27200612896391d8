package io.leadexport.retention;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long each kind of record that can hold lead data or search text is kept, {@code lead-export.retention.*}.
 * Export files kept for download have their own, shorter {@code lead-export.storage.retention}.
 */
@Validated
@ConfigurationProperties("lead-export")
public record RetentionProperties(@DefaultValue @Valid Retention retention) {

    /**
     * @param jobs       finished job records with their stored requests (filters, search text), from their finish
     * @param history    export history rows, from their finish
     * @param audit      audit log entries
     * @param inboxLog   the inbox's record of the files it took
     * @param inboxFiles request files in the inbox's {@code .done/} and {@code .error/} folders
     * @param outbox     files delivered to the outbox folder ({@code lead-export.inbox.output-directory})
     */
    public record Retention(
            @DefaultValue("30d") @NotNull Duration jobs,
            @DefaultValue("365d") @NotNull Duration history,
            @DefaultValue("365d") @NotNull Duration audit,
            @DefaultValue("90d") @NotNull Duration inboxLog,
            @DefaultValue("30d") @NotNull Duration inboxFiles,
            @DefaultValue("14d") @NotNull Duration outbox) {

        @AssertTrue(message = "every lead-export.retention.* must be a positive duration")
        public boolean isPositive() {
            return java.util.stream.Stream.of(jobs, history, audit, inboxLog, inboxFiles, outbox)
                    .allMatch(d -> d == null || (!d.isNegative() && !d.isZero()));
        }
    }
}
