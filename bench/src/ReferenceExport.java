import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import java.util.stream.Collectors;

import io.leadexport.format.ExportDescription;
import io.leadexport.format.LeadWriter;
import io.leadexport.format.LeadWriters;
import io.leadexport.query.LeadQueryBuilder;
import io.leadexport.record.LeadRecordFormatter;
import io.leadexport.record.LeadRow;
import io.leadexport.record.LeadRowMapper;

import io.leadexport.record.PhoneFormatter;
import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.request.LeadField;

/**
 * The reference the app is measured against: a plain single-threaded loop, no Camel, no Spring context. It reads the
 * export's rows over JDBC (autocommit off, forward-only, fetch size 2000: a real cursor), maps each row with the app's
 * {@link LeadRowMapper}, formats it with the app's {@link LeadRecordFormatter} (the request is parsed by the app's own
 * {@link ExportRequestParser} from the query string a GET export sends: full template, masked national IDs) and
 * writes it with the writer the app's {@link LeadWriters} opens for the format, to a file through a 64 KiB buffer.
 *
 * <p>Modes (for the "where the time goes" breakdown each adds one step to the one before):
 * <ul>
 *   <li>{@code read}: JDBC cursor + row mapping only</li>
 *   <li>{@code format-nophone}: + the record step for every field but the phone</li>
 *   <li>{@code format}: + the record step for every field (the phone via libphonenumber)</li>
 *   <li>{@code csv}: + the CSV writer to a file: <b>the reference</b>. Any other format key the app's parser and
 *       {@code LeadWriters} accept ({@code json}, later {@code xlsx}, {@code text}) works the same way.</li>
 *   <li>{@code csv-digest}: {@code csv} + the SHA-256 of the bytes written, as the app computes for its file</li>
 *   <li>{@code csv-stages}: {@code csv} (same bytes) with each stage of each row timed in the same pass, see
 *       {@link #runStages()}</li>
 *   <li>{@code sxssf}: the bare POI SXSSF loop of {@link SxssfReference}, the reference for XLSX</li>
 * </ul>
 *
 * <p>Usage: {@code ReferenceExport print-sql} prints the export's SQL.
 * {@code ReferenceExport url=jdbc:postgresql://localhost:P/postgres mode=csv warmups=1 runs=3 out=FILE [expect=N]}
 * prints a {@code WARMUP} or {@code RESULT} line per run (rows, seconds, bytes written, bytes allocated by the loop's
 * thread, sha256 for {@code csv-digest} and {@code csv-stages}, seconds per stage for {@code csv-stages}).
 * With {@code serve=true} it prints {@code READY}, then runs one mode per line read from stdin and answers one
 * {@code RESULT} (or {@code ERROR}) line each, until {@code quit} or end of input.
 */
public final class ReferenceExport {

    private static final int FETCH_SIZE = 2000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Keeps the JIT from discarding work whose result nothing else uses (modes read, format*). */
    static volatile Object blackhole;

    private final String url;
    private final String user;
    private final String password;
    private final Path out;
    private final long expect;
    private final String sql;
    private final ExportRequestParser parser;
    private final LeadRecordFormatter formatter;
    private final PhoneFormatter phones;
    private final LeadRowMapper mapper = new LeadRowMapper();
    private final LeadWriters writers;

    private final Map<String, String> options;
    /** When set, the generated-at time written into the file instead of now. */
    private OffsetDateTime clock;

    private ReferenceExport(Map<String, String> options) {
        this.options = options;
        this.url = require(options, "url");
        this.user = options.getOrDefault("user", "postgres");
        this.password = options.getOrDefault("password", "postgres");
        this.out = Path.of(options.getOrDefault("out", "bench/work/reference.out"));
        this.expect = Long.parseLong(options.getOrDefault("expect", "-1"));
        this.sql = exportSql();

        // The app's defaults for lead-export.* (zone UTC, phone region US, conversation URL template...), bound the
        // way Spring Boot binds them, so the formatter is configured exactly as in the app.
        BenchApp app = BenchApp.withDefaults();
        this.formatter = app.formatter();
        this.phones = new PhoneFormatter(app.recordProperties().phone().defaultRegion());
        this.parser = app.parser();
        this.writers = app.writers();
    }

    /** The app's export query: the same SQL the HTTP export streams, unfiltered. */
    static String exportSql() {
        return new LeadQueryBuilder().select(ExportFilter.NONE).sql();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("print-sql")) {
            System.out.println(exportSql());
            return;
        }
        Map<String, String> options = BenchApp.options(args);
        ReferenceExport reference = new ReferenceExport(options);
        if (Boolean.parseBoolean(options.getOrDefault("serve", "false"))) {
            // One JVM for a whole benchmark size: the script sends a mode per line and reads one result line back,
            // so reference runs interleave with the app's and share the same machine noise.
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("READY");
            for (String line; (line = commands.readLine()) != null && !line.isBlank() && !line.equals("quit"); ) {
                try {
                    // "MODE clock=ISO-TIME": the file says it was generated then (JSON, text), as the app's did, so
                    // the two can be compared byte for byte.
                    String[] parts = line.strip().split(" ");
                    reference.clock = parts.length > 1 && parts[1].startsWith("clock=")
                            ? OffsetDateTime.parse(parts[1].substring("clock=".length())) : null;
                    reference.report("RESULT", parts[0], 1, reference.run(parts[0]));
                } catch (Exception | Error e) {
                    System.out.println("ERROR mode=" + line.strip() + " " + e.toString().replace('\n', ' '));
                }
            }
            return;
        }
        String mode = options.getOrDefault("mode", "csv");
        int warmups = Integer.parseInt(options.getOrDefault("warmups", "1"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        for (int i = 1; i <= warmups + runs; i++) {
            boolean warmup = i <= warmups;
            reference.report(warmup ? "WARMUP" : "RESULT", mode, warmup ? i : i - warmups, reference.run(mode));
        }
    }

    private void report(String kind, String mode, int index, Run run) {
        System.out.printf(Locale.ROOT, "%s mode=%s run=%d rows=%d seconds=%.3f bytes=%d allocated=%d sha256=%s stages=%s%n",
                kind, mode, index, run.rows, run.nanos / 1e9, run.bytes, run.allocated, run.sha256, run.stages);
        System.out.flush();
    }

    /**
     * @param allocated bytes the loop's thread allocated on the heap during the run
     * @param stages    {@code csv-stages} only: seconds per stage, {@code read:s,fields:s,...}; otherwise "-"
     */
    private record Run(long rows, long nanos, long bytes, long allocated, String sha256, String stages) {
    }

    /** The request a mode formats for: parsed by the app's parser from the query string a GET export would send. */
    private ExportRequest request(String mode) {
        return parser.fromQueryString(switch (mode) {
            case "read", "format" -> "format=csv";
            case "format-nophone" -> "format=csv&fields=" + Arrays.stream(LeadField.values())
                    .filter(f -> f != LeadField.PHONE).map(LeadField::key).collect(Collectors.joining(","));
            default -> "format=" + writtenFormat(mode);
        });
    }

    /** The format a writing mode writes ({@code csv-digest} writes CSV), or null for read, format*. */
    private static String writtenFormat(String mode) {
        return switch (mode) {
            case "read", "format", "format-nophone" -> null;
            case "csv-digest" -> "csv";
            default -> mode;
        };
    }

    private Run run(String mode) throws Exception {
        if (mode.equals("csv-stages")) {
            return runStages();
        }
        if (mode.equals("sxssf")) { // the bare POI loop of SxssfReference, unchanged
            long[] bare = SxssfReference.runBare(options);
            return new Run(bare[0], bare[1], bare[2], bare[3], "-", "-");
        }
        ExportRequest request = request(mode);
        String format = writtenFormat(mode);
        boolean formats = !mode.equals("read");
        Path file = out.resolveSibling(out.getFileName() + "." + (format == null ? "none" : format));
        Files.deleteIfExists(file);
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        long rows = 0;
        MessageDigest digest = mode.equals("csv-digest") ? MessageDigest.getInstance("SHA-256") : null;
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            OutputStream stream = null;
            LeadWriter writer = null;
            if (format != null) {
                stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                if (digest != null) {
                    stream = new DigestOutputStream(stream, digest);
                }
                OffsetDateTime now = clock != null ? clock
                        : OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
                writer = writers.open(stream, new ExportDescription(request, now, "bench", expect));
                writer.begin();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        LeadRow row = mapper.mapRow(rs, (int) rows);
                        rows++;
                        if (!formats) {
                            blackhole = row;
                            continue;
                        }
                        Object[] record = formatter.format(row, request);
                        if (writer == null) {
                            blackhole = record;
                            continue;
                        }
                        writer.write(Collections.singletonList(record));
                    }
                }
            }
            if (writer != null) {
                writer.finish();
                writer.close();
                stream.close();
            }
            connection.commit();
        }
        long nanos = System.nanoTime() - started;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long bytes = format == null ? 0 : Files.size(file);
        if (expect >= 0 && rows != expect) {
            throw new IllegalStateException("read " + rows + " rows, expected " + expect);
        }
        return new Run(rows, nanos, bytes, allocated, digest == null ? "-" : HexFormat.of().formatHex(digest.digest()),
                "-");
    }

    /**
     * {@code csv-stages}: the {@code csv} loop, writing the same bytes, with each row's work timed in stages in the
     * same pass: the cursor read and row mapping; the record step for every field but the phone (the app's
     * formatter with the full template minus the phone); the phone (the app's {@link PhoneFormatter}, as the
     * formatter calls it, put back in its column); the CSV writer. Then the SHA-256 of the finished file, re-read
     * from the page cache (the app digests while writing; this is an upper bound of that cost).
     */
    private Run runStages() throws Exception {
        ExportRequest full = request("csv");
        ExportRequest withoutPhone = request("format-nophone");
        int phoneAt = full.fields().indexOf(LeadField.PHONE);
        Path file = out.resolveSibling(out.getFileName() + ".stages.csv");
        Files.deleteIfExists(file);
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        long rows = 0;
        long read = 0;
        long fields = 0;
        long phone = 0;
        long write = 0;
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            OffsetDateTime now = clock != null ? clock
                        : OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            LeadWriter writer = writers.open(stream, new ExportDescription(full, now, "bench", expect));
            writer.begin();
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                long t0 = System.nanoTime();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        LeadRow row = mapper.mapRow(rs, (int) rows);
                        rows++;
                        long t1 = System.nanoTime();
                        Object[] others = formatter.format(row, withoutPhone);
                        Object[] record = new Object[others.length + 1];
                        System.arraycopy(others, 0, record, 0, phoneAt);
                        System.arraycopy(others, phoneAt, record, phoneAt + 1, others.length - phoneAt);
                        long t2 = System.nanoTime();
                        record[phoneAt] = phones.format(row.phone(), full.e164Phones());
                        long t3 = System.nanoTime();
                        writer.write(Collections.singletonList(record));
                        long t4 = System.nanoTime();
                        read += t1 - t0;
                        fields += t2 - t1;
                        phone += t3 - t2;
                        write += t4 - t3;
                        t0 = t4;
                    }
                }
            }
            long t5 = System.nanoTime();
            writer.finish();
            writer.close();
            stream.close();
            connection.commit();
            write += System.nanoTime() - t5;
        }
        long nanos = System.nanoTime() - started;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long d0 = System.nanoTime();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        long digesting = System.nanoTime() - d0;
        if (expect >= 0 && rows != expect) {
            throw new IllegalStateException("read " + rows + " rows, expected " + expect);
        }
        String stages = String.format(Locale.ROOT, "read:%.3f,fields:%.3f,phone:%.3f,write:%.3f,digest:%.3f",
                read / 1e9, fields / 1e9, phone / 1e9, write / 1e9, digesting / 1e9);
        return new Run(rows, nanos, Files.size(file), allocated, sha256, stages);
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + "=...");
        }
        return value;
    }
}
