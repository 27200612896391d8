package io.leadexport.request;

import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The request's part of {@code lead-export.*}: the time zone dates in a request (and in the files) are read in, and
 * how large a request may be.
 *
 * @param zone   the zone of the dates in requests, files and job views
 * @param export {@code lead-export.export.max-request-bytes}: the largest request body or inbox file accepted
 */
@Validated
@ConfigurationProperties("lead-export")
public record RequestProperties(
        @DefaultValue("UTC") @NotNull ZoneId zone,
        @DefaultValue @Valid Limits export) {

    public int maxRequestBytes() {
        return export.maxRequestBytes();
    }

    public record Limits(@DefaultValue("65536") @Min(1024) int maxRequestBytes) {
    }
}
