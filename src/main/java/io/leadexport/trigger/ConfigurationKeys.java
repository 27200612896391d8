package io.leadexport.trigger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.leadexport.deliver.DestinationProperties;
import io.leadexport.request.ExportRequestDocument;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;

/**
 * Makes a typo in the configuration visible at start-up. Spring Boot ignores a key nothing binds, so a misspelt
 * {@code lead-export.schedules.nightly.incremntal} would silently mean "not incremental". Inside the sections that
 * say what runs and where data goes ({@code schedules}, {@code destinations}, {@code inbox}) an unknown key stops the
 * start-up, naming the full property; that includes keys this product documents but does not implement yet. An
 * unknown top-level key ({@code lead-export.<key>}) only logs a warning: a platform may set variables that are not
 * ours (Kubernetes injects {@code LEAD_EXPORT_PORT} for a service named {@code lead-export}).
 */
@Component("configurationKeys")
public class ConfigurationKeys {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationKeys.class);
    static final String ROOT = "lead-export";

    public ConfigurationKeys(Environment environment, ApplicationContext context) {
        Binder binder = Binder.get(environment);
        strict(binder, "schedules", Bindable.mapOf(String.class, ScheduleKeys.class));
        strict(binder, "destinations", Bindable.mapOf(String.class, DestinationProperties.class));
        strict(binder, "inbox", Bindable.of(InboxKeys.class));
        warnAboutUnknownTopLevelKeys(environment, knownTopLevelKeys(context));
    }

    /** The keys of a schedule, for the unknown-key check only ({@link TriggerProperties.Schedule} is what runs). */
    record ScheduleKeys(String cron, String zone, ExportRequestDocument request, String destination,
                        String incremental, java.util.List<String> notifyOnFailure) {
    }

    /** The keys of {@code lead-export.inbox}, for the unknown-key check only. */
    record InboxKeys(String directory, String outputDirectory, String enabled) {
    }

    private static void strict(Binder binder, String section, Bindable<?> type) {
        String name = ROOT + "." + section;
        BindHandler handler = new NoUnboundElementsBindHandler(BindHandler.DEFAULT);
        try {
            binder.bind(name, type, handler);
        } catch (BindException e) {
            UnboundConfigurationPropertiesException unbound = find(e, UnboundConfigurationPropertiesException.class);
            if (unbound == null) {
                return; // a value of the wrong type: the feature's own binding reports it, with its message
            }
            String keys = unbound.getUnboundProperties().stream().map(p -> p.getName().toString())
                    .sorted().collect(Collectors.joining(", "));
            throw new IllegalStateException("Unknown configuration key" + (unbound.getUnboundProperties().size() > 1
                    ? "s " : " ") + keys + " (not a setting of " + name + "; check the spelling against the README)");
        }
    }

    private static void warnAboutUnknownTopLevelKeys(Environment environment, Set<String> known) {
        Set<String> unknown = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(name -> name.getNumberOfElements() >= 2
                                && name.getElement(0, ConfigurationPropertyName.Form.UNIFORM).equals("leadexport"))
                        .map(name -> name.getElement(1, ConfigurationPropertyName.Form.DASHED))
                        .filter(key -> !known.contains(key.replace("-", "")))
                        .forEach(key -> unknown.add(ROOT + "." + key));
            }
        }
        // Spring Boot reads LEAD_EXPORT_ZONE as lead-export.zone when asked for that key, but lists the variable as
        // lead.export.zone; so variables in that form are checked by their own name.
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source instanceof SystemEnvironmentPropertySource variables) {
                    for (String variable : variables.getPropertyNames()) {
                        String upper = variable.toUpperCase(Locale.ROOT);
                        if (upper.startsWith("LEAD_EXPORT_SCHEDULES_") || upper.startsWith("LEAD_EXPORT_DESTINATIONS_")) {
                            throw new IllegalStateException("The environment variable " + variable + " cannot name a "
                                    + "schedule or destination: Spring Boot finds their names only in its canonical "
                                    + "form, without the dash of lead-export: LEADEXPORT_" + upper.substring(12));
                        }
                        if (upper.startsWith("LEAD_EXPORT_") && !knownVariable(upper.substring(12), known)) {
                            unknown.add(variable);
                        }
                    }
                }
            }
        }
        unknown.forEach(key -> log.warn("Ignoring {}: not a setting of this application (set by the platform, "
                + "or misspelt?)", key));
    }

    /** Whether {@code PORT} or {@code CONVERSATION_URL_TEMPLATE_X} starts with a known key, dashes written as '_'. */
    private static boolean knownVariable(String rest, Set<String> known) {
        String[] words = rest.toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder();
        for (String word : words) {
            key.append(word);
            if (known.contains(key.toString())) {
                return true;
            }
        }
        return false;
    }

    /** The top-level keys of every {@code @ConfigurationProperties("lead-export")} record, in uniform form. */
    private static Set<String> knownTopLevelKeys(ApplicationContext context) {
        Set<String> known = new TreeSet<>();
        for (Object bean : context.getBeansWithAnnotation(ConfigurationProperties.class).values()) {
            Class<?> type = org.springframework.aop.support.AopUtils.getTargetClass(bean);
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation == null ? "" : annotation.prefix().isEmpty() ? annotation.value()
                    : annotation.prefix();
            if (prefix.equals(ROOT) && type.isRecord()) {
                Arrays.stream(type.getRecordComponents()).map(c -> c.getName().toLowerCase()).forEach(known::add);
            } else if (prefix.startsWith(ROOT + ".")) {
                known.add(ConfigurationPropertyName.of(prefix).getElement(1, ConfigurationPropertyName.Form.UNIFORM));
            }
        }
        return known;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
