package io.leadexport.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.leadexport.security.ProblemWriter;

import org.apache.camel.CamelContext;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every API request {@code 503} problem+json with {@code Retry-After} while this instance cannot serve it.
 * The web server accepts connections before Camel's routes are up (Camel starts once the Spring context is
 * refreshed), and without this guard the API's URLs answered {@code 404} in that window, which clients and load
 * balancers take as final. The API serves once Camel has started and the application is ready (Spring Boot's
 * readiness state, the one {@code /actuator/health/readiness} reports, which also turns back once shutdown begins).
 */
public class ReadinessGuard extends OncePerRequestFilter {

    static final long RETRY_AFTER_SECONDS = 5;

    private final ApplicationAvailability availability;
    private final CamelContext camel;
    private final ProblemWriter problems;

    public ReadinessGuard(ApplicationAvailability availability, CamelContext camel, ProblemWriter problems) {
        this.availability = availability;
        this.camel = camel;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiRequests.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isReady()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                "The service is starting up or shutting down; try again in " + RETRY_AFTER_SECONDS + " seconds.");
    }

    private boolean isReady() {
        return camel.isStarted() && availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }
}
