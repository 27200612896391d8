package io.leadexport.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link EndToEndTest} with exports slow enough to watch, cancel and overlap, and two workers for background jobs. One
 * configuration, so its classes share one cached context, apart from the plain end-to-end context, which stays fast.
 * Each class also carries {@code @UseAdviceWith} itself (Camel looks for it on the test class, not through this
 * annotation), so Camel starts only once {@link SlowExports#startOnce} has woven its pause into the pipeline: once per
 * context, the same for all of its classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EndToEndTest
@TestPropertySource(properties = "lead-export.jobs.concurrency=2")
public @interface SlowExportsTest {
}
