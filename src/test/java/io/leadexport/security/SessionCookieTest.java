package io.leadexport.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cookie's attributes: HttpOnly, SameSite=Strict, path /, and Secure over HTTPS or as configured. */
class SessionCookieTest {

    @Test
    void theCookieIsSecureExactlyWhenTheRequestCameOverHttpsUnlessConfigured() {
        assertThat(cookie(null, false)).isEqualTo("SESSION=aWQ=; Path=/; HttpOnly; SameSite=Strict");
        assertThat(cookie(null, true)).isEqualTo("SESSION=aWQ=; Path=/; Secure; HttpOnly; SameSite=Strict");
        assertThat(cookie("true", false)).contains("; Secure");
        assertThat(cookie("false", true)).doesNotContain("Secure");
    }

    private static String cookie(String secure, boolean https) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        if (secure != null) {
            source.put("lead-export.security.session-cookie-secure", secure);
        }
        SecurityProperties properties = new Binder(List.of(source)).bindOrCreate("lead-export", SecurityProperties.class);
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        new SessionConfiguration().pageSessionCookie(properties).customize(serializer);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSecure(https);
        MockHttpServletResponse response = new MockHttpServletResponse();
        serializer.writeCookieValue(new CookieSerializer.CookieValue(request, response, "id"));
        return response.getHeader("Set-Cookie");
    }
}
