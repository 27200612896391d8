package io.leadexport.trigger;

import java.util.Map;
import java.util.Optional;

import io.leadexport.trigger.TriggerProperties.Schedule;

import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The schedules' triggers in Quartz's job store, which outlives every instance. At each start the store follows the
 * configuration: a schedule that was removed stops firing everywhere (its trigger and job are deleted; its history
 * and watermark stay), and one whose cron or zone changed gets a new trigger. A trigger that is unchanged stays as it
 * is, so a tick it missed while every instance was down still fires (once) when one starts.
 */
@Component("scheduleStore")
public class ScheduleStore {

    /** The Quartz group of every schedule's trigger and job: {@code quartz:lead-export-schedules/<name>}. */
    public static final String GROUP = "lead-export-schedules";
    private static final Logger log = LoggerFactory.getLogger(ScheduleStore.class);

    private final Scheduler scheduler;

    public ScheduleStore(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Deletes the stored triggers the configuration no longer has, or has with another cron or zone. */
    public void followConfiguration(Map<String, Schedule> schedules, Schedules definitions) throws SchedulerException {
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            Schedule schedule = schedules.get(key.getName());
            Trigger stored = scheduler.getTrigger(key);
            if (schedule == null) {
                log.info("Schedule {} is no longer configured: its trigger is removed", key.getName());
                scheduler.deleteJob(JobKey.jobKey(key.getName(), GROUP));
                scheduler.unscheduleJob(key);
            } else if (!(stored instanceof CronTrigger cron) || !sameCron(cron.getCronExpression(), schedule.cron())
                    || !cron.getTimeZone().toZoneId().equals(definitions.zone(schedule))) {
                log.info("Schedule {} has a new cron or zone: its trigger is replaced", key.getName());
                scheduler.deleteJob(JobKey.jobKey(key.getName(), GROUP));
                scheduler.unscheduleJob(key);
            }
        }
    }

    /** Starts firing: after the schedules' routes exist, so that a tick never comes before its route. */
    public void start() throws SchedulerException {
        scheduler.start();
    }

    /** When the schedule fires next, if its trigger is stored. */
    public Optional<java.time.Instant> nextFireTime(String name) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(name, GROUP));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(java.util.Date::toInstant);
        } catch (SchedulerException e) {
            log.warn("Could not read the trigger of schedule {}: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    static boolean sameCron(String stored, String configured) {
        return stored.strip().replaceAll("\\s+", " ").equals(configured.strip().replaceAll("\\s+", " "));
    }
}
