package io.leadexport.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may export what: {@code lead-export.users} and {@code lead-export.security.*} (the national ID keys are the
 * record package's, {@code RecordProperties}).
 */
@Validated
@ConfigurationProperties("lead-export")
public record SecurityProperties(
        List<@Valid User> users,
        @DefaultValue @Valid Security security) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param allowPlainNationalId whether ADMINs may ask for national IDs in plain text
     * @param jwtRolesClaim        with OAuth2 bearer tokens: the claim that lists the roles (ADMIN, MANAGER)
     * @param jwtUsernameClaim     with OAuth2 bearer tokens: the claim that names the user (falls back to {@code sub})
     * @param jwtRoleNames         with OAuth2 bearer tokens: the exact claim values that mean ADMIN and MANAGER
     * @param sessionIdleTimeout   the admin page's session ends after this long without a request
     * @param sessionCookieSecure  whether the session cookie is marked {@code Secure}: unset, when the request came
     *                             over HTTPS (behind a TLS proxy, see {@code server.forward-headers-strategy});
     *                             {@code true} always, {@code false} never
     */
    public record Security(
            @DefaultValue("false") boolean allowPlainNationalId,
            @DefaultValue("roles") String jwtRolesClaim,
            @DefaultValue("preferred_username") String jwtUsernameClaim,
            @DefaultValue @Valid JwtRoleNames jwtRoleNames,
            @DefaultValue("30m") Duration sessionIdleTimeout,
            Boolean sessionCookieSecure) {

        public Security {
            if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.toSeconds() < 1) {
                throw new IllegalArgumentException(
                        "lead-export.security.session-idle-timeout must be at least 1s, not " + sessionIdleTimeout);
            }
        }
    }

    /** The claim values, matched exactly (case included), that grant ADMIN and MANAGER. */
    public record JwtRoleNames(
            @DefaultValue("ADMIN") @NotBlank String admin,
            @DefaultValue("MANAGER") @NotBlank String manager) {
    }

    /** @param email where this user's notification e-mails go; none: the user gets none */
    public record User(@NotBlank String username, @NotBlank String password, List<String> roles, String email) {

        @ConstructorBinding
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        /** A user without an e-mail address: no notifications. */
        public User(String username, String password, List<String> roles) {
            this(username, password, roles, null);
        }
    }
}
