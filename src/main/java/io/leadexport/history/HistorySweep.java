package io.leadexport.history;

import java.time.Duration;
import java.time.Instant;

import io.leadexport.job.JobStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the history row of any finished job that lacks one (its tap was lost: the instance stopped, the database
 * was away for longer than the tap's retries), from the job's final row, the same event the tap would have carried.
 */
@Component("historySweep")
public class HistorySweep {

    private static final Logger log = LoggerFactory.getLogger(HistorySweep.class);
    private static final int BATCH = 100;

    private final ExportHistory history;
    private final HistoryEvents events;
    private final JobStore jobs;
    private final Duration grace;
    private final Duration window;

    public HistorySweep(ExportHistory history, HistoryEvents events, JobStore jobs, HistoryProperties properties) {
        this.history = history;
        this.events = events;
        this.jobs = jobs;
        this.grace = properties.sweepGrace();
        this.window = properties.sweepWindow();
    }

    /** @return how many history rows it wrote */
    public int sweep() throws Exception {
        int written = 0;
        Instant now = Instant.now();
        for (String id : history.finishedJobsWithoutHistory(now.minus(window), now.minus(grace), BATCH)) {
            var job = jobs.find(id);
            if (job.isPresent() && history.record(events.forJob(job.get()))) {
                log.warn("Job {} finished without a history row; the sweep wrote it", id);
                written++;
            }
        }
        return written;
    }
}
