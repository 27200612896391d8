package io.leadexport.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadexport.export.ExchangeKeys;
import io.leadexport.request.RequestSummary;
import io.leadexport.security.ExportUser;
import io.leadexport.trigger.ScheduleControl;
import io.leadexport.trigger.ScheduleControl.Outcome;
import io.leadexport.trigger.ScheduleStore;
import io.leadexport.trigger.ScheduledExports;
import io.leadexport.trigger.Schedules;
import io.leadexport.trigger.TriggerProperties.Schedule;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The schedule endpoints (ADMIN): every schedule with its next tick, last run and watermark, and run now / pause /
 * resume, which {@link ScheduleControl} carries out.
 */
@Component("scheduleApi")
public class ScheduleApi {

    private final Schedules schedules;
    private final ScheduledExports exports;
    private final ScheduleStore store;
    private final ScheduleControl control;

    public ScheduleApi(Schedules schedules, ScheduledExports exports, ScheduleStore store, ScheduleControl control) {
        this.schedules = schedules;
        this.exports = exports;
        this.store = store;
        this.control = control;
    }

    public Map<String, Object> list() {
        List<Map<String, Object>> items = new ArrayList<>();
        schedules.all().forEach((name, schedule) -> items.add(view(name, schedule)));
        return Map.of("items", items);
    }

    /** Run now: the exchange is set up for {@code direct:start-export}; 409 while a run is queued or running. */
    public void run(@Header("name") String name, @ExchangeProperty(ExchangeKeys.USER) ExportUser user,
                    Exchange exchange) {
        check(control.runNow(name, user, exchange), name);
    }

    public Map<String, Object> pause(@Header("name") String name, @ExchangeProperty(ExchangeKeys.USER) ExportUser user) {
        check(control.pause(name, user), name);
        return view(name, schedules.get(name).orElseThrow());
    }

    public Map<String, Object> resume(@Header("name") String name,
                                      @ExchangeProperty(ExchangeKeys.USER) ExportUser user) {
        check(control.resume(name, user), name);
        return view(name, schedules.get(name).orElseThrow());
    }

    private Map<String, Object> view(String name, Schedule schedule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("cron", schedule.cron());
        view.put("description", schedules.description(schedule));
        view.put("zone", schedules.zone(schedule).getId());
        view.put("destination", schedules.request(name, Optional.empty()).destination());
        view.put("incremental", schedule.incremental());
        view.put("request", RequestSummary.request(schedules.request(name, Optional.empty())));
        view.put("paused", exports.paused(name));
        view.put("nextFireAt", store.nextFireTime(name).map(Object::toString).orElse(null));
        view.put("watermark", exports.watermark(name).map(Object::toString).orElse(null));
        view.put("lastRun", exports.lastRun(name).map(run -> {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("jobId", run.jobId());
            last.put("status", run.status());
            last.put("rows", run.rows());
            last.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
            last.put("error", run.error());
            return last;
        }).orElse(null));
        return view;
    }

    private static void check(Outcome outcome, String name) {
        switch (outcome) {
            case NO_SUCH_SCHEDULE -> throw ProblemException.notFound("No schedule '" + name + "' is configured");
            case BUSY -> throw new ProblemException(409, "Schedule busy",
                    "A run of schedule '" + name + "' is queued or running; try again when it has finished");
            case DONE -> {
            }
        }
    }
}
