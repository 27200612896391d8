package io.leadexport.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin page's server session, at {@code /api/session}: {@code POST} signs in with {username, password} (the
 * sign-in throttle applies, the session id is changed and a new CSRF token made), {@code DELETE} signs out (the
 * session is invalidated), and both these and {@code GET} hand the session's CSRF token to the route that answers
 * (request attribute {@link #CSRF_TOKEN}). Sessions are created here only. The route ({@code describe-session} in
 * routes/trigger-http.camel.yaml) answers with who is signed in; a failed sign-in is answered here.
 */
public final class PageSessionFilter extends OncePerRequestFilter {

    public static final String PATH = "/api/session";
    /** The request attribute holding the CSRF token the page must send as {@code X-CSRF-TOKEN}. */
    public static final String CSRF_TOKEN = "io.leadexport.security.csrfToken";
    private static final int MAX_FIELD = 200;

    private final AuthenticationManager authentication;
    private final SessionAuthenticationStrategy onSignIn;
    private final SignInThrottle throttle;
    private final ProblemWriter problems;
    private final ObjectMapper json;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();
    private final RequestAttributeSecurityContextRepository requestContexts = new RequestAttributeSecurityContextRepository();
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final HttpSessionIdResolver cookies;

    PageSessionFilter(AuthenticationManager authentication, SessionAuthenticationStrategy onSignIn,
                      SignInThrottle throttle, ProblemWriter problems, ObjectMapper json, HttpSessionIdResolver cookies) {
        this.authentication = authentication;
        this.cookies = cookies;
        this.onSignIn = onSignIn;
        this.throttle = throttle;
        this.problems = problems;
        this.json = json;
    }

    static boolean isSessionPath(HttpServletRequest request) {
        return request.getRequestURI().equals(request.getContextPath() + PATH);
    }

    /** The sign-in itself: it carries the password, so it needs no CSRF token (the cross-origin guard still applies). */
    static boolean isSignIn(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && isSessionPath(request);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isSessionPath(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && !signIn(request, response)) {
            return;
        }
        if ("DELETE".equals(request.getMethod())) {
            signOut(request, response);
        } else {
            exposeCsrfToken(request);
        }
        chain.doFilter(request, response);
    }

    /** Signs in, or answers why not (false). */
    private boolean signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = form(request, response);
        if (form == null) {
            return false;
        }
        String username = form.get("username");
        long retryAfter = throttle.retryAfterSeconds(username, request.getRemoteAddr());
        if (retryAfter > 0) {
            SignInThrottleFilter.refuse(problems, response, retryAfter);
            return false;
        }
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(username, form.get("password"));
        attempt.setDetails(details.buildDetails(request));
        Authentication signedIn;
        try {
            // Publishes the success or failure event: the throttle and the audit log learn of it.
            signedIn = authentication.authenticate(attempt);
        } catch (AuthenticationException e) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "Sign-in failed",
                    "The username or password is not right.");
            return false;
        }
        // A new session id (a session planted before the sign-in is worth nothing after it) and a new CSRF token.
        onSignIn.onAuthentication(signedIn, request, response);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(signedIn);
        contexts.setContext(context);
        requestContexts.saveContext(context, request, response);
        sessionContexts.saveContext(context, request, response);
        // The cookie now, on this thread: Spring Session would write it when the answer is sent, which the route does
        // on another thread while this one finishes the request, and the header could be lost between the two.
        cookies.setSessionId(request, response, request.getSession(false).getId());
        return true;
    }

    /** Ends the page's session; the request still answers as the user who signed out. */
    private void signOut(HttpServletRequest request, HttpServletResponse response) {
        if (PageSessionContextRepository.carriesCredentials(request)) {
            return;
        }
        SecurityContext context = contexts.getContext();
        HttpSession session = request.getSession(false);
        if (session == null || trust.isAnonymous(context.getAuthentication())
                || context.getAuthentication() == null) {
            return;
        }
        requestContexts.saveContext(context, request, response);
        session.invalidate();
        cookies.expireSession(request, response);
    }

    /** A page session's CSRF token for the answer; never for Basic or bearer callers, who have no session. */
    private void exposeCsrfToken(HttpServletRequest request) {
        if (PageSessionContextRepository.carriesCredentials(request) || request.getSession(false) == null) {
            return;
        }
        Authentication who = contexts.getContext().getAuthentication();
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token != null && who != null && !trust.isAnonymous(who)) {
            request.setAttribute(CSRF_TOKEN, token.getToken());
        }
    }

    /** {username, password}: strings, nothing else; or null once a 400 is answered naming the fields. */
    private Map<String, String> form(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode body;
        try (InputStream in = request.getInputStream()) {
            body = json.readTree(in);
        } catch (JacksonException e) {
            badRequest(response, List.of(error("body", "is not a JSON document")));
            return null;
        }
        if (body == null || !body.isObject()) {
            badRequest(response, List.of(error("body", "must be a JSON object {\"username\": ..., \"password\": ...}")));
            return null;
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("username", "password")) {
            JsonNode value = body.get(field);
            if (value == null || !value.isTextual() || value.asText().isEmpty()) {
                errors.add(error(field, "is required (a non-empty string)"));
            } else if (value.asText().length() > MAX_FIELD || value.asText().indexOf('\0') >= 0) {
                errors.add(error(field, "must be at most " + MAX_FIELD + " characters, without NUL"));
            } else {
                form.put(field, value.asText());
            }
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("username") && !name.equals("password")) {
                errors.add(error(name.length() > MAX_FIELD ? name.substring(0, MAX_FIELD) : name,
                        "is not a property of a sign-in"));
            }
        }
        if (!errors.isEmpty()) {
            badRequest(response, errors);
            return null;
        }
        return form;
    }

    private void badRequest(HttpServletResponse response, List<Map<String, Object>> errors) throws IOException {
        StringBuilder detail = new StringBuilder();
        for (Map<String, Object> error : errors) {
            detail.append(detail.isEmpty() ? "" : "; ").append(error.get("field")).append(": ").append(error.get("message"));
        }
        problems.write(response, HttpStatus.BAD_REQUEST, "Invalid sign-in", detail.toString(), Map.of("errors", errors));
    }

    private static Map<String, Object> error(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }
}
