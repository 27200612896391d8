package io.leadexport.web;

import java.util.concurrent.Executor;

import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;

/** HTTP plumbing that platform-http needs on Spring MVC. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /**
     * The executor platform-http runs routes on. It prefers a {@link DelegatingSecurityContextAsyncTaskExecutor}, which
     * carries the caller's security context into the route, so beans there know who is asking. Sized for
     * synchronous downloads, which hold a thread for the length of an export.
     */
    @Bean
    Executor platformHttpExecutor(ThreadPoolTaskExecutor platformHttpThreads) {
        return new DelegatingSecurityContextAsyncTaskExecutor(platformHttpThreads);
    }

    @Bean
    ThreadPoolTaskExecutor platformHttpThreads() {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix("http-");
        pool.setCorePoolSize(8);
        pool.setMaxPoolSize(32);
        pool.setQueueCapacity(200);
        // A synchronous export puts its job id in the logging MDC of the thread: nothing of it outlives the request.
        pool.setTaskDecorator(task -> () -> {
            try {
                task.run();
            } finally {
                MDC.clear();
            }
        });
        return pool;
    }
}
