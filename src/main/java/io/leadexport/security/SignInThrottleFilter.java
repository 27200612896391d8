package io.leadexport.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses HTTP Basic sign-ins that the {@link SignInThrottle} holds back, before the password is even checked: 429
 * with {@code Retry-After}, so that guessing stops working rather than only being logged.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final ProblemWriter problems;

    SignInThrottleFilter(SignInThrottle throttle, ProblemWriter problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = basicUsername(request.getHeader("Authorization"));
        if (username != null) {
            long retryAfter = throttle.retryAfterSeconds(username, request.getRemoteAddr());
            if (retryAfter > 0) {
                refuse(problems, response, retryAfter);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The 429 answer to a sign-in the throttle holds back (HTTP Basic here, the page's sign-in form too). */
    static void refuse(ProblemWriter problems, HttpServletResponse response, long retryAfter) throws IOException {
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                "Too many failed sign-ins for this user from this address; try again in " + retryAfter + " seconds.");
    }

    private static String basicUsername(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
