package io.leadexport.trigger;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.leadexport.request.ExportRequestDocument;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
     * @param notifyOnFailure e-mail addresses told of every failed run, with its error
     */
    public record Schedule(
            @NotBlank String cron,
            ZoneId zone,
            @DefaultValue ExportRequestDocument request,
            String destination,
            @DefaultValue("false") boolean incremental,
            List<String> notifyOnFailure) {

        @ConstructorBinding
        public Schedule {
            notifyOnFailure = notifyOnFailure == null ? List.of() : List.copyOf(notifyOnFailure);
        }

        /** A schedule in the default zone that tells nobody of its failures. */
        public Schedule(String cron, ExportRequestDocument request, String destination, boolean incremental) {
            this(cron, null, request, destination, incremental, List.of());
        }
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
