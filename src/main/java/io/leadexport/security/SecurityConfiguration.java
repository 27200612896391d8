package io.leadexport.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may call {@code /api/**}: scripts with HTTP Basic (or a bearer token) on every request, statelessly; the admin
 * page with a server session it signs in to at {@code /api/session} ({@link PageSessionFilter},
 * {@link SessionConfiguration}), whose state-changing requests must carry its CSRF token. Users from
 * {@code lead-export.users}; with none configured, one {@code admin} with a random password, printed once at
 * start-up. 401 and 403 answer problem+json; a browser's 401 carries no {@code WWW-Authenticate} challenge.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final List<String> ROLES = List.of(ExportUser.ADMIN, ExportUser.MANAGER);
    private static final String XML_HTTP_REQUEST = "XMLHttpRequest";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems, SecurityProperties properties,
                                    ObjectProvider<JwtDecoder> jwtDecoder, SignInThrottle throttle,
                                    UserDetailsService users, PasswordEncoder passwords,
                                    AuthenticationEventPublisher events, ObjectMapper json,
                                    CookieSerializer sessionCookies) throws Exception {
        if (jwtDecoder.getIfAvailable() != null) {
            // An issuer (or its keys) is configured: OAuth2 bearer tokens are accepted beside HTTP Basic.
            // The audience is checked where spring.security.oauth2.resourceserver.jwt.audiences is set (Spring Boot
            // adds that validator to the decoder it configures).
            SecurityProperties.Security security = properties.security();
            JwtRoles roles = new JwtRoles(security.jwtRolesClaim(), security.jwtUsernameClaim(),
                    security.jwtRoleNames().admin(), security.jwtRoleNames().manager());
            http.oauth2ResourceServer(oauth -> oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                    .authenticationEntryPoint((request, response, e) -> {
                        response.setHeader("WWW-Authenticate", "Bearer");
                        problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                "The bearer token was not accepted: " + e.getMessage());
                    }));
        }
        // The admin page's session: its CSRF token is kept in the session and sent back as X-CSRF-TOKEN.
        HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        PageSessionFilter pageSessions = new PageSessionFilter(pageSignIn(users, passwords, events),
                new CompositeSessionAuthenticationStrategy(List.of(new ChangeSessionIdAuthenticationStrategy(),
                        new CsrfAuthenticationStrategy(csrfTokens))),
                throttle, problems, json, sessionCookieResolver(sessionCookies));
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ExportUser.ADMIN)
                        .requestMatchers("/api/leads/export/history", "/api/leads/export/history/**",
                                "/api/leads/export/audit", "/api/leads/export/audit/**", "/api/leads/export/erasure",
                                "/api/leads/export/schedules", "/api/leads/export/schedules/**",
                                "/api/leads/export/inbox", "/api/leads/export/inbox/**")
                        .hasRole(ExportUser.ADMIN)
                        .anyRequest().hasAnyRole(ExportUser.ADMIN, ExportUser.MANAGER))
                .addFilterBefore(new CrossOriginGuard(problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(pageSessions, BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    // A browser that answered a Basic challenge keeps the credentials and sends them on every later
                    // request, including those another site makes it send: browsers never get the challenge, only
                    // scripts (curl) do.
                    if (!isBrowser(request)) {
                        response.setHeader("WWW-Authenticate", "Basic realm=\"lead-export\"");
                    }
                    problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                            "Sign in with HTTP Basic (or a bearer token where one is configured), or through "
                                    + PageSessionFilter.PATH + " for a session.");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    if (e instanceof CsrfException) {
                        problems.write(response, HttpStatus.FORBIDDEN, "CSRF token missing or wrong",
                                "A request signed in by a session must send the session's CSRF token (csrfToken of "
                                        + PageSessionFilter.PATH + ") in the X-CSRF-TOKEN header.");
                    } else {
                        problems.write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.");
                    }
                }))
                // Basic and bearer callers are stateless; the page's session is read where it has one and created
                // only by its sign-in (PageSessionFilter). No request is ever saved into a session for later.
                .securityContext(context -> context.securityContextRepository(new PageSessionContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).requireCsrfProtectionMatcher(
                        SecurityConfiguration::needsCsrfToken));
        return http.build();
    }

    /**
     * A state-changing request signed in by the page's session: not one that carries its own credentials (Basic,
     * bearer: another site cannot make a browser add them), not the sign-in itself (it carries the password), and not
     * one without a session (it is not signed in at all, and answers 401).
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        return STATE_CHANGING.contains(request.getMethod())
                && !PageSessionContextRepository.carriesCredentials(request)
                && !PageSessionFilter.isSignIn(request)
                && request.getSession(false) != null;
    }

    /** The session cookie as Spring Session writes it (SessionConfiguration), for the sign-in and sign-out to set. */
    private static HttpSessionIdResolver sessionCookieResolver(CookieSerializer sessionCookies) {
        CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
        resolver.setCookieSerializer(sessionCookies);
        return resolver;
    }

    /** The page's sign-in checks passwords as HTTP Basic does, and publishes the same success and failure events. */
    private static AuthenticationManager pageSignIn(UserDetailsService users, PasswordEncoder passwords,
                                                    AuthenticationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /** A browser: a page's fetch or XHR, or a navigation that takes HTML. curl and scripts send none of these. */
    static boolean isBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return XML_HTTP_REQUEST.equalsIgnoreCase(request.getHeader("X-Requested-With"))
                || request.getHeader("Sec-Fetch-Mode") != null
                || (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html"));
    }

    /**
     * Everything outside the API (the page, unknown URLs) is public, so unknown URLs answer 404, not 401. Nothing here
     * keeps state: no server session is ever made for it (its CSRF token, for what it refuses, is a cookie).
     */
    @Bean
    @Order(2)
    SecurityFilterChain publicSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (SecurityProperties.User user : properties.users()) {
            List<String> roles = user.roles().stream().map(r -> r.strip().toUpperCase(Locale.ROOT)).toList();
            for (String role : roles) {
                if (!ROLES.contains(role)) {
                    throw new IllegalArgumentException("lead-export.users: user '" + user.username()
                            + "' has unknown role '" + role + "'; roles are " + ROLES);
                }
            }
            if (!user.password().startsWith("{")) {
                throw new IllegalArgumentException("lead-export.users: the password of '" + user.username()
                        + "' must start with {bcrypt} or {noop}");
            }
            users.add(User.withUsername(user.username()).password(user.password())
                    .roles(roles.toArray(String[]::new)).build());
        }
        if (users.isEmpty()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("""

                    No lead-export.users configured: created user 'admin' (ADMIN) with the password

                        {}

                    This password is shown once and changes at every start. Configure lead-export.users for real use.
                    """, password);
            users.add(User.withUsername("admin").password("{noop}" + password).roles(ExportUser.ADMIN).build());
        }
        // Only the lookup: InMemoryUserDetailsManager is also a UserDetailsPasswordService, which makes Spring
        // re-encode {noop} passwords with bcrypt at the first login and pay ~55 ms of bcrypt on every Basic call after.
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        return manager::loadUserByUsername;
    }
}
