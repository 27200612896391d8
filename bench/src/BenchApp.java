import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.leadexport.LeadExportProperties;
import io.leadexport.format.LeadWriters;
import io.leadexport.record.LeadRecordFormatter;
import io.leadexport.record.NationalIdEncryptor;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The app's own request parser, record formatter and writers, configured with the app's defaults for
 * {@code lead-export.*} (bound the way Spring Boot binds them), for the plain reference loops of the benchmark.
 */
record BenchApp(LeadExportProperties properties, ExportRequestParser parser, LeadRecordFormatter formatter,
                LeadWriters writers) {

    static BenchApp withDefaults() {
        LeadExportProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("lead-export", LeadExportProperties.class);
        return new BenchApp(properties,
                new ExportRequestParser(properties, () -> Set.of(ExportRequest.DOWNLOAD)),
                new LeadRecordFormatter(properties, new NationalIdEncryptor(Map.of(), null)),
                new LeadWriters(properties));
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
