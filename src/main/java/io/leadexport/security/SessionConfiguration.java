package io.leadexport.security;

import org.springframework.boot.autoconfigure.session.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The admin page's server sessions: Spring Session JDBC in the app's PostgreSQL (tables SPRING_SESSION and
 * SPRING_SESSION_ATTRIBUTES, Flyway V12), so every instance knows every session. The cookie is HttpOnly (no script
 * reads it), SameSite=Strict (no other site's page sends it), for the whole app, and Secure over HTTPS
 * ({@code lead-export.security.session-cookie-secure} to force it either way). A session ends after
 * {@code lead-export.security.session-idle-timeout} without a request.
 */
@Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

    @Bean
    DefaultCookieSerializerCustomizer pageSessionCookie(SecurityProperties properties) {
        Boolean secure = properties.security().sessionCookieSecure();
        return cookie -> {
            cookie.setUseHttpOnlyCookie(true);
            cookie.setSameSite("Strict");
            cookie.setCookiePath("/");
            if (secure != null) {
                cookie.setUseSecureCookie(secure);
            }
            // Otherwise Secure exactly when the request came over HTTPS.
        };
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> pageSessionIdleTimeout(SecurityProperties properties) {
        return repository -> repository.setDefaultMaxInactiveInterval(properties.security().sessionIdleTimeout());
    }
}
