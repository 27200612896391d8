package io.leadexport.trigger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestDocument;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.request.InvalidExportRequestException;
import io.leadexport.request.InvalidExportRequestException.FieldError;
import io.leadexport.request.RequestProperties;
import io.leadexport.trigger.TriggerProperties.Schedule;

import org.quartz.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The configured schedules ({@code lead-export.schedules.<name>}), checked at start-up: a bad cron, an invalid request
 * or an unknown destination stops the start-up with a message naming the property. What a tick exports is
 * {@link #request}.
 */
@Component("schedules")
public class Schedules {

    private static final String PREFIX = "lead-export.schedules.";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private final Map<String, Schedule> schedules;
    private final ZoneId defaultZone;
    private final ExportRequestParser parser;

    public Schedules(TriggerProperties properties, RequestProperties requests, ExportRequestParser parser) {
        this.schedules = new TreeMap<>(properties.schedules());
        this.defaultZone = requests.zone();
        this.parser = parser;
        List<String> problems = new ArrayList<>();
        schedules.forEach((name, schedule) -> problems.addAll(check(name, schedule)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid schedule configuration: " + String.join("; ", problems));
        }
    }

    /** Every schedule by name, in name order. */
    public Map<String, Schedule> all() {
        return schedules;
    }

    public Optional<Schedule> get(String name) {
        return Optional.ofNullable(schedules.get(name));
    }

    /** Its cron in plain words ("every day at 02:00"). */
    public String description(Schedule schedule) {
        return CronDescription.describe(schedule.cron());
    }

    /** The zone its cron runs in. */
    public ZoneId zone(Schedule schedule) {
        return schedule.zone() == null ? defaultZone : schedule.zone();
    }

    /**
     * What a run of the schedule exports: its request, to its destination, narrowed to the leads updated since the
     * watermark when it is incremental and has one.
     */
    public ExportRequest request(String name, Optional<Instant> watermark) {
        Schedule schedule = schedules.get(name);
        if (schedule == null) {
            throw new IllegalArgumentException("no schedule '" + name + "' is configured");
        }
        return validate(document(schedule, schedule.incremental() ? watermark : Optional.empty()));
    }

    /** As an inbox file is read: a shared preset it names is merged under it, then it is validated. */
    private ExportRequest validate(ExportRequestDocument document) {
        try {
            return parser.fromJsonBytes(JSON.writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schedule's request could not be written as JSON", e);
        }
    }

    static ExportRequestDocument document(Schedule schedule, Optional<Instant> updatedSince) {
        ExportRequestDocument request = schedule.request();
        ExportRequestDocument.Filter filter = request.filter();
        if (updatedSince.isPresent()) {
            filter = filter == null
                    ? new ExportRequestDocument.Filter(null, null, null, null, null, updatedSince.get().toString(), null,
                    null)
                    : new ExportRequestDocument.Filter(filter.status(), filter.policy(), filter.country(),
                    filter.createdFrom(), filter.createdTo(), updatedSince.get().toString(), filter.updatedTo(),
                    filter.search());
        }
        String destination = schedule.destination() != null ? schedule.destination() : request.destination();
        return new ExportRequestDocument(request.format(), request.template(), request.fields(), filter,
                request.nationalId(), destination, request.csvBom(), request.preset(), request.labels(),
                request.notifyWhenDone());
    }

    private List<String> check(String name, Schedule schedule) {
        List<String> problems = new ArrayList<>();
        if (!CronExpression.isValidExpression(schedule.cron())) {
            problems.add(PREFIX + name + ".cron: '" + schedule.cron()
                    + "' is not a Quartz cron expression (seconds first, e.g. 0 0 2 * * ?)");
        }
        try {
            validate(document(schedule, Optional.empty()));
        } catch (InvalidExportRequestException e) {
            for (FieldError error : e.errors()) {
                problems.add(property(name, schedule, error.field()) + ": " + error.message()
                        + (error.allowed() == null || error.allowed().isEmpty() ? ""
                        : " (allowed: " + String.join(", ", error.allowed()) + ")"));
            }
        }
        return problems;
    }

    /** The full property a request error is about: the schedule's own destination, or a key under its request. */
    private static String property(String name, Schedule schedule, String field) {
        if (field.equals("destination") && schedule.destination() != null) {
            return PREFIX + name + ".destination";
        }
        return PREFIX + name + ".request" + (field.isEmpty() || field.equals("body") ? "" : "." + field);
    }
}
