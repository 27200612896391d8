package io.leadexport;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A feature's {@code @ConfigurationProperties} record bound the way Spring Boot binds it (documented defaults plus
 * the given {@code lead-export.*} values), without Spring, for plain unit tests.
 */
public final class TestProperties {

    private TestProperties() {
    }

    public static <T> T defaults(Class<T> type) {
        return bind(type, Map.of());
    }

    /** @param values full keys, e.g. {@code lead-export.zone=Europe/Berlin} */
    public static <T> T bind(Class<T> type, Map<String, String> values) {
        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }
}
