package io.leadexport.trigger;

import java.time.ZoneId;
import java.util.Map;

import io.leadexport.request.ExportRequestDocument;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The triggers besides HTTP: {@code lead-export.schedules.<name>.*} and {@code lead-export.inbox.*}. */
@Validated
@ConfigurationProperties("lead-export")
public record TriggerProperties(
        Map<String, @Valid Schedule> schedules,
        @DefaultValue @Valid Inbox inbox) {

    public TriggerProperties {
        schedules = schedules == null ? Map.of() : Map.copyOf(schedules);
    }

    /**
     * A scheduled export, {@code lead-export.schedules.<name>.*}.
     *
     * @param cron        Quartz syntax, seconds first: {@code 0 0 2 * * ?}
     * @param zone        the time zone of the cron; {@code lead-export.zone} when not set
     * @param request     the export request as nested configuration ({@code request.format=csv},
     *                    {@code request.filter.status[0]=new}, or a YAML map), validated as strictly as an HTTP request
     * @param destination where it goes; overrides the request's
     * @param incremental only leads updated since the last successful delivery
     */
    public record Schedule(
            @NotBlank String cron,
            ZoneId zone,
            @DefaultValue ExportRequestDocument request,
            String destination,
            @DefaultValue("false") boolean incremental) {
    }

    /**
     * The inbox automation: {@code *.json} requests dropped into {@code directory} run as jobs; results go to the
     * request's destination or to {@code output-directory} (the built-in {@code outbox} destination, see
     * {@code DeliveryProperties}).
     */
    public record Inbox(
            @DefaultValue("./inbox") String directory,
            @DefaultValue("true") boolean enabled) {
    }
}
