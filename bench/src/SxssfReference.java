import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;

import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import io.leadexport.format.ExportDescription;
import io.leadexport.format.LeadWriter;
import io.leadexport.format.LeadWriters;
import io.leadexport.query.LeadQueryBuilder;
import io.leadexport.record.ConversationRef;
import io.leadexport.record.LeadRecordFormatter;
import io.leadexport.record.LeadRow;
import io.leadexport.record.LeadRowMapper;

import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The XLSX/text reference loops for bench/run-xlsx-text.sh: one plain single-threaded loop, no Spring context, no
 * Camel. JDBC cursor (autocommit off, read-only, forward-only, fetch size 2000) over the app's export SQL
 * ({@link LeadQueryBuilder}, unfiltered), each row mapped by the app's {@link LeadRowMapper} and formatted by the
 * app's {@link LeadRecordFormatter} for the request a GET export builds ({@code format=...} parsed by the app's
 * {@link ExportRequestParser}: full template, masked national IDs; properties = the app's lead-export.* defaults).
 *
 * <p>Modes:
 * <ul>
 *   <li>{@code sxssf}: <b>the bare POI reference</b>: {@code new SXSSFWorkbook(100)} with compressed temp files, one
 *       string cell per value ({@link OffsetDateTime} values as date cells with one date style, conversation
 *       references as their id text), no header row styling, no hyperlinks, no column widths, no formula guard, a
 *       new sheet every 1,048,575 rows; {@code workbook.write} to a file through a 64 KiB buffer; dispose.</li>
 *   <li>{@code xlsx}: the same loop with the app's own XlsxLeadWriter (opened through the app's {@link LeadWriters}):
 *       the writer's own cost compared with {@code sxssf}.</li>
 *   <li>{@code text}: the same loop with the app's TextLeadWriter: the reference for the app's text export.</li>
 * </ul>
 *
 * <p>Usage: {@code SxssfReference url=jdbc:postgresql://localhost:P/postgres serve=true out=FILE expect=N} prints
 * {@code READY}, then runs one mode per stdin line and answers one {@code RESULT} (or {@code ERROR}) line each.
 * {@code SxssfReference check-xlsx FILE} lists each sheet of an XLSX with its row count, streaming the sheet XML
 * (StAX), so a 1.1M-row workbook is checked in a small heap.
 */
public final class SxssfReference {

    private static final int FETCH_SIZE = 2000;
    private static final int ROWS_PER_SHEET = 1_048_575;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String url;
    private final String user;
    private final String password;
    private final Path out;
    private final long expect;
    private final String sql = new LeadQueryBuilder().select(ExportFilter.NONE).sql();
    private final ExportRequestParser parser;
    private final LeadRecordFormatter formatter;
    private final LeadWriters writers;
    private final LeadRowMapper mapper = new LeadRowMapper();

    private SxssfReference(Map<String, String> options) {
        this.url = options.get("url");
        this.user = options.getOrDefault("user", "postgres");
        this.password = options.getOrDefault("password", "postgres");
        this.out = Path.of(options.getOrDefault("out", "bench/work/sxssf-reference.out"));
        this.expect = Long.parseLong(options.getOrDefault("expect", "-1"));
        BenchApp app = BenchApp.withDefaults();
        this.formatter = app.formatter();
        this.parser = app.parser();
        this.writers = app.writers();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("check-xlsx")) {
            checkXlsx(Path.of(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("cells-xlsx")) {
            cellsXlsx(Path.of(args[1]));
            return;
        }
        Map<String, String> options = BenchApp.options(args);
        SxssfReference reference = new SxssfReference(options);
        if (Boolean.parseBoolean(options.getOrDefault("serve", "false"))) {
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("READY");
            System.out.flush();
            for (String line; (line = commands.readLine()) != null && !line.isBlank() && !line.equals("quit"); ) {
                try {
                    reference.report("RESULT", line.strip(), reference.run(line.strip()));
                } catch (Exception | Error e) {
                    System.out.println("ERROR mode=" + line.strip() + " " + e.toString().replace('\n', ' '));
                    System.out.flush();
                }
            }
            return;
        }
        String mode = options.getOrDefault("mode", "sxssf");
        int runs = Integer.parseInt(options.getOrDefault("runs", "1"));
        for (int i = 0; i < runs; i++) {
            reference.report("RESULT", mode, reference.run(mode));
        }
    }

    private record Run(long rows, long nanos, long bytes, long allocated) {
    }

    /**
     * The bare loop as one more mode of ReferenceExport's serve process, so that bench/run.sh times it in the same
     * rounds as the other references: {rows, nanos, bytes written, bytes allocated by the loop's thread}.
     */
    static long[] runBare(Map<String, String> options) throws Exception {
        Run run = new SxssfReference(options).run("sxssf");
        return new long[] {run.rows, run.nanos, run.bytes, run.allocated};
    }

    private void report(String kind, String mode, Run run) {
        System.out.printf(Locale.ROOT, "%s mode=%s rows=%d seconds=%.3f bytes=%d allocated=%d%n",
                kind, mode, run.rows, run.nanos / 1e9, run.bytes, run.allocated);
        System.out.flush();
    }

    private Run run(String mode) throws Exception {
        boolean bare = mode.equals("sxssf");
        if (!bare && !mode.equals("xlsx") && !mode.equals("text")) {
            throw new IllegalArgumentException("modes are sxssf, xlsx, text; not " + mode);
        }
        ExportRequest request = parser.fromQueryString("format=" + (bare ? "xlsx" : mode));
        Path file = out.resolveSibling(out.getFileName() + "." + mode + (mode.equals("text") ? ".txt" : ".xlsx"));
        Files.deleteIfExists(file);
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        long rows = 0;
        try (Connection connection = DriverManager.getConnection(url, user, password);
             OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            Sink sink;
            if (bare) {
                sink = new BareSxssf(stream);
            } else {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
                LeadWriter writer = writers.open(stream, new ExportDescription(request, now, "bench", expect));
                sink = new AppWriter(writer);
            }
            try {
                sink.begin();
                try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
                    statement.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            LeadRow row = mapper.mapRow(rs, (int) rows);
                            rows++;
                            sink.write(formatter.format(row, request));
                        }
                    }
                }
                sink.finish();
            } finally {
                sink.close();
            }
            connection.commit();
        }
        long nanos = System.nanoTime() - started;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        if (expect >= 0 && rows != expect) {
            throw new IllegalStateException("read " + rows + " rows, expected " + expect);
        }
        return new Run(rows, nanos, Files.size(file), allocated);
    }

    private interface Sink extends AutoCloseable {
        void begin() throws Exception;

        void write(Object[] record) throws Exception;

        void finish() throws Exception;

        @Override
        void close() throws Exception;
    }

    /** The app's writer, one record per write call as the reference CSV loop does. */
    private record AppWriter(LeadWriter writer) implements Sink {
        public void begin() throws Exception {
            writer.begin();
        }

        public void write(Object[] record) throws Exception {
            writer.write(Collections.singletonList(record));
        }

        public void finish() throws Exception {
            writer.finish();
        }

        public void close() throws Exception {
            writer.close();
        }
    }

    /** Bare SXSSF: the least any streaming-POI XLSX writer has to do for these rows. */
    private static final class BareSxssf implements Sink {
        private final OutputStream stream;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final CellStyle date;
        private SXSSFSheet sheet;
        private int sheets;
        private int rowsInSheet = ROWS_PER_SHEET;

        BareSxssf(OutputStream stream) {
            this.stream = stream;
            workbook.setCompressTempFiles(true);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        }

        public void begin() {
        }

        public void write(Object[] record) {
            if (rowsInSheet == ROWS_PER_SHEET) {
                sheets++;
                sheet = workbook.createSheet(sheets == 1 ? "Leads" : "Leads (" + sheets + ")");
                rowsInSheet = 0;
            }
            Row row = sheet.createRow(rowsInSheet++);
            for (int i = 0; i < record.length; i++) {
                Object value = record[i];
                if (value == null) {
                    continue;
                }
                if (value instanceof OffsetDateTime time) {
                    var cell = row.createCell(i);
                    cell.setCellValue(time.toLocalDateTime());
                    cell.setCellStyle(date);
                } else {
                    String text = value instanceof ConversationRef ref ? ref.id() : value.toString();
                    row.createCell(i).setCellValue(text);
                }
            }
        }

        public void finish() throws Exception {
            workbook.write(stream);
            stream.flush();
        }

        public void close() throws Exception {
            try {
                workbook.dispose();
            } finally {
                workbook.close();
            }
        }
    }

    /** Prints "SHEET<TAB>name<TAB>rows" per sheet, streaming each sheet's XML (no workbook model in memory). */
    private static void checkXlsx(Path file) throws Exception {
        XMLInputFactory xml = XMLInputFactory.newFactory();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                long rows = 0;
                try (InputStream in = sheets.next()) {
                    XMLStreamReader r = xml.createXMLStreamReader(in);
                    while (r.hasNext()) {
                        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("row")) {
                            rows++;
                        }
                    }
                    r.close();
                }
                System.out.println("SHEET\t" + sheets.getSheetName() + "\t" + rows);
            }
        }
    }

    /**
     * Prints one line per {@code Leads} sheet: its name, its rows and the SHA-256 of its cells as read back (each
     * cell's reference and value text, inline string or {@code <v>}), streaming the sheet XML so that a 1M-row
     * workbook is read in a small heap. Two workbooks with the same lines hold the same cell values in the same
     * places, whatever their compression or styles.
     */
    private static void cellsXlsx(Path file) throws Exception {
        XMLInputFactory xml = XMLInputFactory.newFactory();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (!name.startsWith("Leads")) {
                        continue;
                    }
                    java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                    long rows = 0;
                    XMLStreamReader r = xml.createXMLStreamReader(in);
                    boolean inValue = false;
                    while (r.hasNext()) {
                        int event = r.next();
                        if (event == XMLStreamConstants.START_ELEMENT) {
                            switch (r.getLocalName()) {
                                case "row" -> {
                                    rows++;
                                    digest.update((byte) '\n');
                                }
                                case "c" -> digest.update(("|" + r.getAttributeValue(null, "r") + "=")
                                        .getBytes(StandardCharsets.UTF_8));
                                case "v", "t" -> inValue = true;
                                default -> { }
                            }
                        } else if (event == XMLStreamConstants.END_ELEMENT
                                && (r.getLocalName().equals("v") || r.getLocalName().equals("t"))) {
                            inValue = false;
                        } else if (inValue && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                            digest.update(r.getText().getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    System.out.println(name + " rows=" + rows + " cells-sha256="
                            + java.util.HexFormat.of().formatHex(digest.digest()));
                }
            }
        }
    }
}
