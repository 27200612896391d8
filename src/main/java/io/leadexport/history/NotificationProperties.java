package io.leadexport.history;

import java.net.URI;

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

    /** @param email {@code lead-export.notifications.email.*} */
    public record Notifications(@DefaultValue @Valid Email email) {
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
}
