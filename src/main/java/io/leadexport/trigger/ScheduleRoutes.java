package io.leadexport.trigger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Component;

/**
 * One route per configured schedule, made from the {@code scheduled-export} template of
 * {@code routes/trigger-schedule.camel.yaml}, with the id {@code schedule-<name>}, once the job store follows the
 * configuration ({@link ScheduleStore}); then the scheduler starts.
 */
@Component
public class ScheduleRoutes implements CamelContextConfiguration {

    private final Schedules schedules;
    private final ScheduleStore store;

    public ScheduleRoutes(Schedules schedules, ScheduleStore store) {
        this.schedules = schedules;
        this.store = store;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        try {
            store.followConfiguration(schedules.all(), schedules);
            schedules.all().forEach((name, schedule) -> TemplatedRouteBuilder.builder(camelContext, "scheduled-export")
                    .routeId("schedule-" + name)
                    .parameter("scheduleName", name)
                    // In an endpoint URI, the spaces of a cron expression are written as '+'.
                    .parameter("cron", schedule.cron().strip().replaceAll("\\s+", "+"))
                    .parameter("zone", schedules.zone(schedule).getId())
                    .add());
            store.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("The schedules' job store could not be used: " + e.getMessage(), e);
        }
    }
}
