package io.leadexport.support;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.leadexport.database.DemoLeadSeeder;
import io.leadexport.export.ExchangeKeys;
import io.leadexport.export.ExportRun;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exports slow enough to watch and cancel: a 20 ms pause is woven in after each chunk the pipeline writes (the
 * {@code write-records} step), over a table of demo leads. For the test classes of {@link SlowExportsTest} (with
 * {@code @UseAdviceWith}); the first call in their context weaves and starts Camel; every call makes sure the table
 * holds the leads the caller expects.
 * The weave also notes which thread writes each run's chunks (the route's thread: the request's for a download), so a
 * test can tell which lane an export runs on without guessing from thread dumps.
 */
public final class SlowExports {

    /** Run id (a job's, or a download's slot id) to the name of the thread that wrote its chunks. */
    private static final Map<String, String> WRITER_THREADS = new ConcurrentHashMap<>();

    private SlowExports() {
    }

    public static void startOnce(CamelContext camel, DataSource dataSource, int leads, long seed) throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "run-export", route -> route.weaveById("write-records").after()
                    .process(SlowExports::noteWriterThread)
                    .delay(20).syncDelayed());
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

    /** The thread that writes the chunks of the run {@code runId}, once it has written one. */
    public static Optional<String> writerThread(String runId) {
        return Optional.ofNullable(WRITER_THREADS.get(runId));
    }

    private static void noteWriterThread(Exchange exchange) {
        ExportRun run = exchange.getProperty(ExchangeKeys.RUN, ExportRun.class);
        if (run != null) {
            WRITER_THREADS.putIfAbsent(run.id(), Thread.currentThread().getName());
        }
    }
}
