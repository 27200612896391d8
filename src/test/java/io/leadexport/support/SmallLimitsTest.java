package io.leadexport.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link EndToEndTest} with limits small enough to reach in a test: a job's file is kept 2 s (the storage sweep runs
 * every 200 ms) and an XLSX sheet holds 40 leads. One configuration, so the classes that need one of these limits
 * share one cached context (and one PostgreSQL) instead of a context each.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EndToEndTest
@TestPropertySource(properties = {
        "lead-export.storage.retention=2s",
        "lead-export.storage.sweep-interval-ms=200",
        "lead-export.export.xlsx-rows-per-sheet=40",
})
public @interface SmallLimitsTest {
}
