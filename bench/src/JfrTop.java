import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's CPU samples as Markdown: where the JVM's running Java code spent its time, by
 * component. Each {@code jdk.ExecutionSample} is charged to the first frame, from the top of the stack down, that
 * belongs to a known component (JDK frames are skipped, so {@code String} work called from libphonenumber is charged
 * to libphonenumber; the SHA-256 and UTF-8 encoder frames are recognised before they are skipped).
 * {@code jdk.NativeMethodSample}s of the export thread (a stack with a frame {@code type.method} matching
 * {@code marker}) show where it waited.
 *
 * <p>Usage: {@code JfrTop recording.jfr [marker-regex]} (default marker {@code io\.leadexport|ReferenceExport\.run}).
 */
public final class JfrTop {

    /** First match wins, tried on each frame from the top of the stack down. */
    private static final List<Map.Entry<String, String>> RULES = List.of(
            Map.entry("sun.security.provider.", "SHA-256 of the file"),
            Map.entry("java.security.MessageDigest", "SHA-256 of the file"),
            Map.entry("com.google.i18n.phonenumbers.", "phone: libphonenumber"),
            Map.entry("io.leadexport.record.PhoneFormatter", "phone: libphonenumber"),
            Map.entry("org.postgresql.", "JDBC: PgJDBC read + row mapping"),
            Map.entry("io.leadexport.record.LeadRowMapper", "JDBC: PgJDBC read + row mapping"),
            Map.entry("com.zaxxer.hikari.", "JDBC: PgJDBC read + row mapping"),
            Map.entry("org.springframework.jdbc.", "JDBC: PgJDBC read + row mapping"),
            Map.entry("org.apache.commons.csv.", "CSV writing (Commons CSV, dates, UTF-8)"),
            Map.entry("org.apache.commons.io.", "CSV writing (Commons CSV, dates, UTF-8)"),
            Map.entry("io.leadexport.format.CsvLeadWriter", "CSV writing (Commons CSV, dates, UTF-8)"),
            Map.entry("io.leadexport.format.ValueText", "CSV writing (Commons CSV, dates, UTF-8)"),
            Map.entry("io.leadexport.format.FormulaGuard", "CSV writing (Commons CSV, dates, UTF-8)"),
            Map.entry("com.fasterxml.jackson.", "JSON writing (Jackson, dates)"),
            Map.entry("io.leadexport.format.JsonLeadWriter", "JSON writing (Jackson, dates)"),
            Map.entry("org.springframework.web.util.", "record step: other fields"),
            Map.entry("io.leadexport.record.", "record step: other fields"),
            Map.entry("org.apache.camel.", "Camel (route, split, bean calls, sql iterator)"),
            Map.entry("io.leadexport.export.", "app export steps"),
            Map.entry("org.apache.catalina.", "HTTP (Tomcat, Spring MVC, security)"),
            Map.entry("org.apache.coyote.", "HTTP (Tomcat, Spring MVC, security)"),
            Map.entry("org.apache.tomcat.", "HTTP (Tomcat, Spring MVC, security)"),
            Map.entry("org.springframework.web.", "HTTP (Tomcat, Spring MVC, security)"),
            Map.entry("org.springframework.security.", "HTTP (Tomcat, Spring MVC, security)"),
            Map.entry("jakarta.servlet.", "HTTP (Tomcat, Spring MVC, security)"),
            Map.entry("ReferenceExport", "reference loop itself"));

    /**
     * Frames skipped while looking for a component: the JDK and generic helpers. (Spring Boot's jar loader shows up
     * as the top frame of some {@code HashMap} lookups inside libphonenumber: a JIT inlining artefact, not loading.)
     */
    private static final Pattern SKIPPED = Pattern.compile(
            "^(java\\.|javax\\.|jdk\\.|sun\\.|com\\.sun\\.|org\\.springframework\\.util\\.|org\\.springframework\\.boot\\.loader\\.)");

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Pattern marker = Pattern.compile(args.length > 1 ? args[1] : "io\\.leadexport|ReferenceExport\\.run");
        Map<String, Long> categories = new HashMap<>();
        Map<String, Long> selfFrames = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> waits = new HashMap<>();
        long samples = 0;
        long nativeSamples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                categories.merge(category(frames), 1L, Long::sum);
                selfFrames.merge(name(frames.get(0)), 1L, Long::sum);
                threads.merge(threadName(event), 1L, Long::sum);
            } else if (type.equals("jdk.NativeMethodSample") && onMarker(frames, marker)) {
                nativeSamples++;
                String via = frames.size() > 1 ? " (" + shortName(frames.get(1)) + ")" : "";
                waits.merge(name(frames.get(0)) + via + " <- " + category(frames), 1L, Long::sum);
            }
        }
        System.out.println("Java CPU samples (jdk.ExecutionSample, all threads): " + samples + "\n");
        table("component", categories, samples, 20, false);
        table("top frame (self)", selfFrames, samples, 15, true);
        table("thread", threads, samples, 6, true);
        System.out.println("Export thread in native code (jdk.NativeMethodSample, stacks through /" + marker
                + "/): " + nativeSamples + "\n");
        table("native frame <- component", waits, nativeSamples, 6, true);
    }

    private static boolean onMarker(List<RecordedFrame> frames, Pattern marker) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod() != null && marker.matcher(name(frame)).find()) {
                return true;
            }
        }
        return false;
    }

    private static String category(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod() == null) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> rule : RULES) {
                if (type.startsWith(rule.getKey())) {
                    return rule.getValue();
                }
            }
            if (!SKIPPED.matcher(type).find()) {
                String[] parts = type.split("\\.");
                return "other: " + String.join(".", List.of(parts).subList(0, Math.min(3, parts.length - 1)));
            }
        }
        return "JDK only (no application frame on the stack)";
    }

    private static String name(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "?";
        }
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String shortName(RecordedFrame frame) {
        String name = name(frame);
        int method = name.lastIndexOf('.');
        int type = name.lastIndexOf('.', method - 1);
        return name.substring(type + 1);
    }

    private static String threadName(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        String name = thread == null ? "?" : thread.getJavaName();
        return name == null ? "?" : name.replaceAll("\\d+$", "N");
    }

    private static void table(String what, Map<String, Long> counts, long total, int limit, boolean code) {
        System.out.println("| " + what + " | samples | share |");
        System.out.println("|---|---:|---:|");
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        long shown = 0;
        int row = 0;
        for (Map.Entry<String, Long> e : sorted.entrySet()) {
            if (row++ == limit) {
                break;
            }
            shown += e.getValue();
            String key = e.getKey().replace("|", "\\|");
            System.out.printf("| %s | %d | %.1f%% |%n", code ? "`" + key + "`" : key, e.getValue(),
                    100.0 * e.getValue() / Math.max(1, total));
        }
        if (total > shown) {
            System.out.printf("| (the rest) | %d | %.1f%% |%n", total - shown, 100.0 * (total - shown) / total);
        }
        System.out.println();
    }
}
