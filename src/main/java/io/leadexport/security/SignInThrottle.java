package io.leadexport.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Repeated failed sign-ins for one user name from one address: after {@value #MAX_FAILURES} within
 * {@link #WINDOW}, that user name from that address is refused (429) until the window has passed, whatever the
 * password. Keyed by user and address, so that nobody can lock a user out from elsewhere by failing on purpose.
 * Memory is bounded: at most {@value #MAX_ENTRIES} pairs are remembered, the least recently failed forgotten first.
 * It learns of failures from Spring Security's {@link AbstractAuthenticationFailureEvent}, published for every way in
 * (HTTP Basic, a sign-in form): the same event the audit log records sign-in failures from.
 */
@Component
public class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    private static final class Failures {
        Instant first;
        int count;
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String key = key(event.getAuthentication());
        if (key == null) {
            return;
        }
        Instant now = clock.instant();
        synchronized (failures) {
            Failures entry = failures.computeIfAbsent(key, k -> new Failures());
            if (entry.first == null || entry.first.plus(WINDOW).isBefore(now)) {
                entry.first = now;
                entry.count = 0;
            }
            entry.count++;
        }
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        String key = key(event.getAuthentication());
        if (key != null) {
            synchronized (failures) {
                failures.remove(key);
            }
        }
    }

    /** Seconds until {@code username} may try again from {@code address}; 0 when it may now. */
    public long retryAfterSeconds(String username, String address) {
        Instant now = clock.instant();
        synchronized (failures) {
            Failures entry = failures.get(key(username, address));
            if (entry == null || entry.count < MAX_FAILURES || entry.first.plus(WINDOW).isBefore(now)) {
                return 0;
            }
            return Math.max(1, Duration.between(now, entry.first.plus(WINDOW)).toSeconds());
        }
    }

    private static String key(Authentication attempt) {
        if (attempt == null || attempt instanceof BearerTokenAuthenticationToken || attempt.getName() == null
                || !(attempt.getDetails() instanceof WebAuthenticationDetails details)) {
            return null;
        }
        return key(attempt.getName(), details.getRemoteAddress());
    }

    private static String key(String username, String address) {
        return username + "\n" + address;
    }
}
