package io.leadexport;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.leadexport.deliver.DestinationProperties;
import io.leadexport.request.ExportRequestDocument;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code lead-export.*} (SPEC section 9), bound once and validated at start-up.
 */
@Validated
@ConfigurationProperties("lead-export")
public record LeadExportProperties(
        @DefaultValue("UTC") @NotNull ZoneId zone,
        @DefaultValue("https://chat.example.com/conversations/{id}") @NotBlank String conversationUrlTemplate,
        @DefaultValue @Valid Phone phone,
        @DefaultValue @Valid Demo demo,
        @DefaultValue @Valid Database database,
        @DefaultValue @Valid Export export,
        @DefaultValue @Valid Storage storage,
        @DefaultValue @Valid Jobs jobs,
        @DefaultValue @Valid Security security,
        List<@Valid User> users,
        Map<String, @Valid DestinationProperties> destinations,
        Map<String, @Valid Schedule> schedules,
        @DefaultValue @Valid Inbox inbox) {

    public LeadExportProperties {
        users = users == null ? List.of() : List.copyOf(users);
        destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
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
     * request's destination or to {@code output-directory} (the built-in {@code outbox} destination).
     */
    public record Inbox(
            @DefaultValue("./inbox") String directory,
            @DefaultValue("./outbox") String outputDirectory,
            @DefaultValue("true") boolean enabled) {
    }

    public record Phone(@DefaultValue("US") @NotBlank String defaultRegion) {
    }

    /** Demo leads seeded into an empty table, on the embedded database only. */
    public record Demo(@DefaultValue("10000") @Min(0) int leads) {
    }

    /** The embedded PostgreSQL started when {@code spring.datasource.url} is not set. */
    public record Database(@DefaultValue("./data") Path embeddedDirectory) {
    }

    /**
     * Tuning of the streaming pipeline.
     *
     * @param xlsxRowsPerSheet data rows per XLSX sheet before the export continues on the next one; Excel's own limit
     *                         (1,048,576 rows including the header) is the default, a smaller value is for tests
     */
    public record Export(
            @DefaultValue("2000") @Min(1) int fetchSize,
            @DefaultValue("100") @Min(1) int chunkSize,
            @DefaultValue("6") @Min(1) int connectionPoolSize,
            @DefaultValue("65536") @Min(1024) int maxRequestBytes,
            @DefaultValue("1048575") @Min(1) @Max(1048575) int xlsxRowsPerSheet) {
    }

    public record Storage(
            @DefaultValue("./exports") Path directory,
            @DefaultValue("24h") Duration retention) {
    }

    /**
     * Background export jobs.
     *
     * The polling, heartbeat and retention-sweep intervals are read by the job routes, in milliseconds
     * ({@code lead-export.jobs.poll-interval-ms}, {@code heartbeat-interval-ms}, {@code recovery-interval-ms},
     * {@code lead-export.storage.sweep-interval-ms}).
     *
     * @param concurrency exports running at once on this instance
     * @param lease       a running job whose heartbeat is older than this is taken to be orphaned (its instance died)
     * @param maxAttempts an orphaned job is run again until it has been started this many times, then failed
     */
    public record Jobs(
            @DefaultValue("2") @Min(1) int concurrency,
            @DefaultValue("15s") Duration lease,
            @DefaultValue("3") @Min(1) int maxAttempts) {
    }

    /**
     * @param jwtRolesClaim    with OAuth2 bearer tokens: the claim that lists the roles (ADMIN, MANAGER)
     * @param jwtUsernameClaim with OAuth2 bearer tokens: the claim that names the user (falls back to {@code sub})
     */
    public record Security(
            @DefaultValue("false") boolean allowPlainNationalId,
            Map<String, String> nationalIdKeys,
            String nationalIdActiveKey,
            @DefaultValue("roles") String jwtRolesClaim,
            @DefaultValue("preferred_username") String jwtUsernameClaim) {

        public Security {
            nationalIdKeys = nationalIdKeys == null ? Map.of() : Map.copyOf(nationalIdKeys);
        }
    }

    public record User(@NotBlank String username, @NotBlank String password, List<String> roles) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
