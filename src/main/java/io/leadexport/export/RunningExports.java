package io.leadexport.export;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The exports running on this instance, by run id (the job id for background jobs), so that progress can be read
 * and a cancel can reach the run at once. A cancel for a job running on another instance travels through the
 * database instead ({@code cancel_requested}, read by that instance's heartbeat).
 */
@Component
public class RunningExports {

    private final Map<String, ExportRun> runs = new ConcurrentHashMap<>();

    void started(ExportRun run) {
        runs.put(run.id(), run);
    }

    void ended(ExportRun run) {
        runs.remove(run.id(), run);
    }

    /** @return whether the run was here to cancel */
    public boolean cancel(String runId) {
        ExportRun run = runs.get(runId);
        if (run != null) {
            run.cancel();
        }
        return run != null;
    }

    public ExportRun get(String runId) {
        return runs.get(runId);
    }

    public Collection<ExportRun> all() {
        return List.copyOf(runs.values());
    }
}
