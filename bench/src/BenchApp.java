import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.leadexport.format.FormatProperties;
import io.leadexport.format.LeadWriters;
import io.leadexport.record.LeadRecordFormatter;
import io.leadexport.record.NationalIdEncryptor;
import io.leadexport.record.RecordProperties;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.request.RequestProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The app's own request parser, record formatter and writers, configured with the app's defaults for
 * {@code lead-export.*} (bound the way Spring Boot binds them), for the plain reference loops of the benchmark.
 */
record BenchApp(RequestProperties properties, RecordProperties recordProperties, ExportRequestParser parser, LeadRecordFormatter formatter,
                LeadWriters writers) {

    static BenchApp withDefaults() {
        Binder defaults = new Binder(new MapConfigurationPropertySource(Map.of()));
        RequestProperties properties = defaults.bindOrCreate("lead-export", RequestProperties.class);
        RecordProperties recordProperties = defaults.bindOrCreate("lead-export", RecordProperties.class);
        return new BenchApp(properties, recordProperties,
                new ExportRequestParser(properties, () -> Set.of(ExportRequest.DOWNLOAD)),
                new LeadRecordFormatter(recordProperties, properties, new NationalIdEncryptor(Map.of(), null)),
                new LeadWriters(defaults.bindOrCreate("lead-export.export", FormatProperties.class)));
    }

    /** The {@code key=value} arguments of a reference loop. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value, not " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }
}
