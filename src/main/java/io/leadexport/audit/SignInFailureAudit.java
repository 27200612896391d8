package io.leadexport.audit;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Records every failed sign-in with the user name tried and the client's address. Spring Security publishes an
 * authentication failure event whatever the way in (HTTP Basic, a session sign-in form), so this one listener
 * covers them all.
 */
@Component
public class SignInFailureAudit {

    private static final int MAX_NAME = 200;

    private final AuditLog audit;

    public SignInFailureAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        var attempt = event.getAuthentication();
        audit.record(nameTried(attempt), AuditLog.addressOf(attempt), AuditAction.SIGN_IN_FAILED, null,
                Map.of("reason", event.getException().getClass().getSimpleName()));
    }

    /** The user name tried; a bearer token's "name" is the token itself, which must never be stored. */
    static String nameTried(Authentication attempt) {
        if (attempt instanceof BearerTokenAuthenticationToken) {
            return "(bearer token)";
        }
        String name = attempt == null ? null : attempt.getName();
        if (name == null || name.isBlank()) {
            return "(none)";
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
