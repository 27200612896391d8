package io.leadexport.export;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class ExportLogContextTest {

    ExecutorService pool = ExportLogContext.propagating(Executors.newSingleThreadExecutor());

    @AfterEach
    void stop() {
        pool.shutdownNow();
        MDC.clear();
    }

    @Test
    void aTaskRunsWithTheJobOfTheThreadThatHandedItOverAndLeavesNothingBehind() throws Exception {
        ExportLogContext.enter("job-1", 2);
        Future<String> seen = pool.submit(() -> MDC.get(ExportLogContext.JOB_ID) + "/" + MDC.get(ExportLogContext.ATTEMPT));
        assertThat(seen.get()).isEqualTo("job-1/2");

        ExportLogContext.leave();
        Future<String> after = pool.submit(() -> MDC.get(ExportLogContext.JOB_ID));
        assertThat(after.get()).as("the pool thread kept nothing of the earlier export").isNull();
        assertThat(MDC.get(ExportLogContext.JOB_ID)).isNull();
    }
}
