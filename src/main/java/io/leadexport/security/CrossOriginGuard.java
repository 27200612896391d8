package io.leadexport.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing API request (POST, PUT, PATCH, DELETE) that a page of another origin made: the browser
 * says so with {@code Sec-Fetch-Site} (anything but {@code same-origin} or {@code none}) or with an {@code Origin}
 * that is not this server's. Scripts (curl) send neither and are not affected. Credentials a browser holds can
 * therefore not be used by another site to start or cancel exports.
 */
class CrossOriginGuard extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private final ProblemWriter problems;

    CrossOriginGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (STATE_CHANGING.contains(request.getMethod()) && isCrossOrigin(request)) {
            problems.write(response, HttpStatus.FORBIDDEN, "Cross-origin request refused",
                    "A page of another origin may not change anything here.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isCrossOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !OWN_SITE.contains(site.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        if (origin.equals("null")) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return !(uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
