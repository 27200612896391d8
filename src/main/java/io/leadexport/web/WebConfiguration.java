package io.leadexport.web;

import java.util.concurrent.Executor;

import io.leadexport.request.RequestProperties;
import io.leadexport.security.LimitsProperties;
import io.leadexport.security.ProblemWriter;

import org.apache.camel.CamelContext;
import org.slf4j.MDC;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;

/** HTTP plumbing that platform-http needs on Spring MVC. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /**
     * The executor platform-http runs routes on. It prefers a {@link DelegatingSecurityContextAsyncTaskExecutor}, which
     * carries the caller's security context into the route, so beans there know who is asking. Two lanes
     * ({@link RequestLanes}): synchronous downloads, which hold a thread for their export and transfer, on threads of
     * their own ({@code lead-export.limits.download-threads}); every other request on the API threads.
     */
    @Bean
    Executor platformHttpExecutor(ThreadPoolTaskExecutor platformHttpThreads,
                                  ThreadPoolTaskExecutor downloadThreads) {
        return new DelegatingSecurityContextAsyncTaskExecutor(new RequestLanes(platformHttpThreads, downloadThreads));
    }

    /** The API lane: short requests only, so a fixed pool with room to queue a burst. */
    @Bean
    ThreadPoolTaskExecutor platformHttpThreads() {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix("http-");
        pool.setCorePoolSize(16);
        pool.setMaxPoolSize(16);
        pool.setQueueCapacity(1000);
        pool.setTaskDecorator(WebConfiguration::clearingMdc);
        return pool;
    }

    /** The download lane: each thread runs one synchronous export and sends its file, however slow the client. */
    @Bean
    ThreadPoolTaskExecutor downloadThreads(LimitsProperties limits) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix("download-");
        pool.setCorePoolSize(limits.downloadThreads());
        pool.setMaxPoolSize(limits.downloadThreads());
        pool.setQueueCapacity(4 * limits.downloadThreads());
        pool.setTaskDecorator(WebConfiguration::clearingMdc);
        return pool;
    }

    /** A synchronous export puts its job id in the logging MDC of the thread: nothing of it outlives the request. */
    private static Runnable clearingMdc(Runnable task) {
        return () -> {
            try {
                task.run();
            } finally {
                MDC.clear();
            }
        };
    }

    /**
     * Before anything else: while the instance starts (or stops), every API request answers 503 with Retry-After,
     * signed in or not, instead of the 404 of a route that is not up yet.
     */
    @Bean
    FilterRegistrationBean<ReadinessGuard> readinessGuard(ApplicationAvailability availability, CamelContext camel,
                                                          ProblemWriter problems) {
        FilterRegistrationBean<ReadinessGuard> registration =
                new FilterRegistrationBean<>(new ReadinessGuard(availability, camel, problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(-300);
        return registration;
    }

    /** Body checks run next, before Spring Security, so an oversized body is never read whole. */
    @Bean
    FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(ProblemWriter problems, RequestProperties properties) {
        FilterRegistrationBean<RequestBodyGuard> registration =
                new FilterRegistrationBean<>(new RequestBodyGuard(problems, properties));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(-200);
        return registration;
    }
}
