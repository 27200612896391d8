package io.leadexport.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps an OAuth2 bearer token to a user of this service: the name from a claim ({@code preferred_username} by
 * default, else {@code sub}), the roles from a claim ({@code roles} by default; a list or a space-separated string;
 * {@code ADMIN}, {@code MANAGER}, with or without {@code ROLE_}, any case). Other roles are ignored.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final List<String> KNOWN = List.of(ExportUser.ADMIN, ExportUser.MANAGER);

    private final String rolesClaim;
    private final String usernameClaim;

    JwtRoles(String rolesClaim, String usernameClaim) {
        this.rolesClaim = rolesClaim;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : roles(jwt.getClaim(rolesClaim))) {
            String name = role.strip().toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
            if (KNOWN.contains(name)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + name));
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
