package io.leadexport.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-user limits, {@code lead-export.limits.*}: how much one person may have running or waiting at once, so that
 * nobody can crowd the others out. Over a limit, the request answers 429 with {@code Retry-After}.
 */
@Validated
@ConfigurationProperties("lead-export")
public record LimitsProperties(@DefaultValue @Valid Limits limits) {

    /**
     * @param runningDownloads synchronous exports ({@code GET /api/leads/export}) one user may have running at once
     * @param queuedJobs       background jobs one user may have waiting in the queue at once
     * @param downloadThreads  threads that run and send synchronous exports on this instance, apart from the threads
     *                         that answer every other request
     */
    public record Limits(
            @DefaultValue("2") @Min(1) int runningDownloads,
            @DefaultValue("20") @Min(1) int queuedJobs,
            @DefaultValue("16") @Min(1) int downloadThreads) {
    }

    public int runningDownloads() {
        return limits.runningDownloads();
    }

    public int queuedJobs() {
        return limits.queuedJobs();
    }

    public int downloadThreads() {
        return limits.downloadThreads();
    }
}
