package io.leadexport.history;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * E-mail notifications when a background export ends. The mail server is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} nothing is sent (the job view says {@code notification: off}).
 *
 * @param publicUrl     {@code lead-export.public-url}: where people reach this service (the admin page), for the links
 *                      in messages; without it, messages carry no links
 * @param notifications {@code lead-export.notifications.*}
 */
@Validated
@ConfigurationProperties("lead-export")
public record NotificationProperties(URI publicUrl, @DefaultValue @Valid Notifications notifications) {

    /**
     * @param email       {@code lead-export.notifications.email.*}
     * @param sweepGrace  a finished job's message is queued by the finish route; only one still unsent this long
     *                    after the job finished is queued again by the notification sweep (its instance stopped first).
     *                    How often the sweep runs is read by its route ({@code sweep-interval-ms})
     * @param sweepWindow how late a message may still go out; one still unsent after this is recorded as failed
     */
    public record Notifications(@DefaultValue @Valid Email email,
                                @DefaultValue("1m") Duration sweepGrace,
                                @DefaultValue("1d") Duration sweepWindow) {
    }

    /**
     * @param from        the sender address
     * @param maxAttempts  sending is tried this many times, the delay doubling from {@code retryDelayMs} (read by
     *                     the {@code send-export-notification} route)
     */
    public record Email(@DefaultValue("lead-export@localhost") String from,
                        @DefaultValue("4") @Min(1) int maxAttempts,
                        @DefaultValue("2000") @Min(0) long retryDelayMs) {
    }

    public Email email() {
        return notifications.email();
    }

    public Duration sweepGrace() {
        return notifications.sweepGrace();
    }

    public Duration sweepWindow() {
        return notifications.sweepWindow();
    }
}
