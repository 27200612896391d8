package io.leadexport.support;

import java.time.Instant;

import javax.sql.DataSource;

import io.leadexport.database.DemoLeadSeeder;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exports slow enough to watch and cancel: a 20 ms pause is woven in after each chunk the pipeline writes (the
 * {@code write-records} step), over a table of demo leads. For test classes with {@code @UseAdviceWith} and a context
 * of their own; the first call weaves, starts Camel and seeds, later calls do nothing.
 */
public final class SlowExports {

    private SlowExports() {
    }

    public static void startOnce(CamelContext camel, DataSource dataSource, int leads, long seed) throws Exception {
        if (camel.isStarted()) {
            return;
        }
        AdviceWith.adviceWith(camel, "run-export",
                route -> route.weaveById("write-records").after().delay(20).syncDelayed());
        camel.start();
        new TestLeads(new JdbcTemplate(dataSource)).deleteAll();
        DemoLeadSeeder.seed(dataSource, leads, Instant.now(), seed);
    }
}
