package io.leadexport.history;

import java.util.List;

/** One plain-text e-mail about one finished job, as it is queued for sending. */
public record NotificationMessage(String jobId, List<String> to, String subject, String text) {

    public NotificationMessage {
        to = List.copyOf(to);
    }
}
