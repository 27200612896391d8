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
 * of their own; the first call weaves and starts Camel; every call makes sure the table holds the leads the caller expects.
 */
public final class SlowExports {

    private SlowExports() {
    }

    public static void startOnce(CamelContext camel, DataSource dataSource, int leads, long seed) throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "run-export",
                    route -> route.weaveById("write-records").after().delay(20).syncDelayed());
            camel.start();
        }
        // The context is shared by several test classes, and some of them replace the leads: seed again whenever the
        // table does not hold what this class expects, so no class depends on which one ran before it.
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Long present = jdbc.queryForObject("select count(*) from leads", Long.class);
        if (present == null || present != leads) {
            new TestLeads(jdbc).deleteAll();
            DemoLeadSeeder.seed(dataSource, leads, Instant.now(), seed);
        }
    }
}
