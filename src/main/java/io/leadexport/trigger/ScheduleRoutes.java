package io.leadexport.trigger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * One route per configured schedule, made from the {@code scheduled-export} template of
 * {@code routes/trigger-schedule.camel.yaml}, with the id {@code schedule-<name>}.
 */
@Component
public class ScheduleRoutes implements CamelContextConfiguration {

    private final ScheduledExports schedules;

    public ScheduleRoutes(ScheduledExports schedules) {
        this.schedules = schedules;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        schedules.all().forEach((name, schedule) -> TemplatedRouteBuilder.builder(camelContext, "scheduled-export")
                .routeId("schedule-" + name)
                .parameter("scheduleName", name)
                // In an endpoint URI, the spaces of a cron expression are written as '+'.
                .parameter("cron", schedule.cron().strip().replaceAll("\\s+", "+"))
                .add());
    }
}
