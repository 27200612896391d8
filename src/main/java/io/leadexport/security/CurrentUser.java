package io.leadexport.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The authenticated caller of the current HTTP request. platform-http runs routes on an executor that carries the
 * security context over (see {@code WebConfiguration}), so this works inside HTTP-triggered routes.
 */
@Component("currentUser")
public class CurrentUser {

    private final Map<String, String> emails;

    public CurrentUser(SecurityProperties properties) {
        Map<String, String> byUser = new HashMap<>();
        for (SecurityProperties.User user : properties.users()) {
            if (user.email() != null && !user.email().isBlank()) {
                byUser.put(user.username(), user.email().strip());
            }
        }
        this.emails = Map.copyOf(byUser);
    }

    /** The caller's e-mail address: a bearer token's {@code email} claim, or {@code lead-export.users[i].email}. */
    public Optional<String> email() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Optional.empty();
        }
        if (auth instanceof JwtAuthenticationToken jwt) {
            String claim = jwt.getToken().getClaimAsString("email");
            if (claim != null && !claim.isBlank()) {
                return Optional.of(claim.strip());
            }
        }
        return Optional.ofNullable(emails.get(auth.getName()));
    }

    public ExportUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("no authenticated user");
        }
        Set<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toSet());
        return new ExportUser(auth.getName(), roles);
    }
}
