package io.leadexport.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where the API finds who is calling. A request with an {@code Authorization} header (HTTP Basic, a bearer token:
 * scripts) is stateless: its sign-in lives for that request only, and no server session is read, written or created
 * for it. A request without one (the admin page) is signed in by its server session, if it has one; only
 * {@link PageSessionFilter} creates sessions, at sign-in.
 */
final class PageSessionContextRepository implements SecurityContextRepository {

    private final RequestAttributeSecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();
    private final SecurityContextRepository perSession;

    PageSessionContextRepository() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        // The request attribute first: an async dispatch of a request sees the context its first dispatch had.
        this.perSession = new DelegatingSecurityContextRepository(perRequest, sessions);
    }

    /** Whether the caller signs in on every request (Basic or bearer) rather than through a page session. */
    static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return repository(request).loadDeferredContext(request);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        Supplier<SecurityContext> context = loadDeferredContext(holder.getRequest());
        return context.get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        repository(request).saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return repository(request).containsContext(request);
    }

    private SecurityContextRepository repository(HttpServletRequest request) {
        return carriesCredentials(request) ? perRequest : perSession;
    }
}
