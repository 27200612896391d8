package io.leadexport.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps an OAuth2 bearer token to a user of this service: the name from a claim ({@code preferred_username} by
 * default, else {@code sub}), the roles from a claim ({@code roles} by default; a list or a space-separated string).
 * A claim value grants a role only when it is exactly the name configured for it
 * ({@code lead-export.security.jwt-role-names.admin|manager}, {@code ADMIN} and {@code MANAGER} by default): an
 * identity provider's {@code admin} of some other application is not this service's ADMIN. Other values are ignored.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;
    private final String usernameClaim;
    private final Map<String, String> roleByClaimValue;

    JwtRoles(String rolesClaim, String usernameClaim, String adminRoleName, String managerRoleName) {
        this.rolesClaim = rolesClaim;
        this.usernameClaim = usernameClaim;
        this.roleByClaimValue = Map.of(adminRoleName, ExportUser.ADMIN, managerRoleName, ExportUser.MANAGER);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String value : roles(jwt.getClaim(rolesClaim))) {
            String role = roleByClaimValue.get(value);
            if (role != null) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
        }
        String username = jwt.getClaimAsString(usernameClaim);
        return new JwtAuthenticationToken(jwt, authorities, username == null ? jwt.getSubject() : username);
    }

    private static List<String> roles(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text) {
            return List.of(text.split("[\\s,]+"));
        }
        return List.of();
    }
}
