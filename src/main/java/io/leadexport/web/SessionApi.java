package io.leadexport.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.leadexport.security.CurrentUser;
import io.leadexport.security.ExportUser;
import io.leadexport.security.PageSessionFilter;
import io.leadexport.security.SecurityProperties;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.stereotype.Component;

/**
 * {@code GET} and {@code POST /api/session}: who is signed in. For the admin page's session, also the CSRF token its
 * state-changing requests must send ({@link PageSessionFilter} put it on the request) and how long the session lasts
 * idle; Basic and bearer callers have no session and get {@code "session": false}.
 */
@Component("sessionApi")
public class SessionApi {

    private final CurrentUser currentUser;
    private final long idleTimeoutSeconds;

    public SessionApi(CurrentUser currentUser, SecurityProperties properties) {
        this.currentUser = currentUser;
        this.idleTimeoutSeconds = properties.security().sessionIdleTimeout().toSeconds();
    }

    public Map<String, Object> describe(Exchange exchange) {
        ExportUser user = currentUser.get();
        String csrfToken = exchange.getIn() instanceof PlatformHttpMessage http
                ? (String) http.getRequest().getAttribute(PageSessionFilter.CSRF_TOKEN) : null;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", user.username());
        view.put("roles", user.roles().stream().sorted().toList());
        view.put("session", csrfToken != null);
        view.put("csrfToken", csrfToken);
        view.put("idleTimeoutSeconds", csrfToken != null ? idleTimeoutSeconds : null);
        return view;
    }
}
