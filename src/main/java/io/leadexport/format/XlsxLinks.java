package io.leadexport.format;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The conversation hyperlinks of an XLSX export, streamed like its rows. POI keeps every hyperlink of a sheet in memory
 * as XMLBeans objects (about 2.5 KB each, twice that while writing) until the workbook is written, so links, unlike
 * rows, made memory grow with the export. Here POI holds only the first link of each sheet, which makes it write the
 * sheet's {@code <hyperlinks>} element and the sheet's relationships part where the schema puts them. The sheet's
 * other links go to a temporary file as their rows are written; when the workbook is written they are streamed into
 * those two parts, just before {@code </hyperlinks>} and {@code </Relationships>} ({@link #into}).
 *
 * <p>Excel's limits apply: at most {@value #MAX_PER_SHEET} links in a sheet (past that Excel drops every link of the
 * sheet), so later conversation IDs of the sheet are plain text and {@link #omitted()} counts them for the Export Info
 * sheet; a URL longer than {@value #MAX_URL_LENGTH} characters, or not a valid URI, gets no link.
 */
final class XlsxLinks {

    /** Hyperlinks Excel keeps in one sheet. */
    static final int MAX_PER_SHEET = 65_530;
    /** The longest URL Excel opens from a hyperlink. */
    static final int MAX_URL_LENGTH = 2_079;

    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String HYPERLINK_TYPE = RELATIONSHIPS_NS + "/hyperlink";
    /** Relationship ids of streamed links: distinct from POI's {@code rId<n>}. */
    private static final String ID_PREFIX = "lnk";

    private final CreationHelper helper;
    private final int maxPerSheet;
    private final Map<String, SheetLinks> sheets = new LinkedHashMap<>();
    private long omitted;

    /** @param maxPerSheet links per sheet, smaller than {@value #MAX_PER_SHEET} only in tests */
    XlsxLinks(CreationHelper helper, int maxPerSheet) {
        if (maxPerSheet < 1 || maxPerSheet > MAX_PER_SHEET) {
            throw new IllegalArgumentException(
                    "links per sheet must be between 1 and " + MAX_PER_SHEET + ", not " + maxPerSheet);
        }
        this.helper = helper;
        this.maxPerSheet = maxPerSheet;
    }

    int maxPerSheet() {
        return maxPerSheet;
    }

    /** Conversation IDs written as plain text because their sheet already had {@link #maxPerSheet()} links. */
    long omitted() {
        return omitted;
    }

    /**
     * Whether a cell of {@code sheetName} may link to {@code url}: a valid URI Excel can open, in a sheet below the
     * limit. A refusal for the limit is counted in {@link #omitted()}. The limit is asked first: past it (most rows of
     * a large sheet) no URI is parsed.
     */
    boolean allows(String sheetName, String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        SheetLinks links = sheets.get(sheetName);
        if (links != null && links.count == maxPerSheet) {
            omitted++;
            return false;
        }
        return opensInExcel(url);
    }

    /** Links {@code cell} to {@code url}, which {@link #allows} accepted for the cell's sheet. */
    void add(Cell cell, String url) throws IOException {
        SheetLinks links = sheets.computeIfAbsent(cell.getSheet().getSheetName(), name -> new SheetLinks());
        if (links.count++ == 0) {
            Hyperlink link = helper.createHyperlink(HyperlinkType.URL);
            link.setAddress(url);
            cell.setHyperlink(link);
            return;
        }
        links.spool().append(new CellReference(cell).formatAsString(false)).append('\t').append(url).append('\n');
    }

    /**
     * The entries of POI's workbook template with every sheet's streamed links spliced into the sheet and its
     * relationships part; the other entries pass through unchanged.
     */
    ZipEntrySource into(ZipEntrySource template, XSSFWorkbook workbook) throws IOException {
        Map<String, Splice> splices = new HashMap<>();
        for (Map.Entry<String, SheetLinks> entry : sheets.entrySet()) {
            SheetLinks links = entry.getValue();
            if (links.file == null) {
                continue;
            }
            links.writer.close();
            PackagePart part = workbook.getSheet(entry.getKey()).getPackagePart();
            splices.put(entryName(part), new Splice("</hyperlinks>", true, links.file, XlsxLinks::hyperlink));
            splices.put(relationshipsEntryName(part), new Splice("</Relationships>", false, links.file,
                    XlsxLinks::relationship));
        }
        return new SplicedEntries(template, splices);
    }

    /** Deletes the temporary files, whether the workbook was written or not. */
    boolean delete() {
        boolean deleted = true;
        for (SheetLinks links : sheets.values()) {
            deleted &= links.delete();
        }
        return deleted;
    }

    private static boolean opensInExcel(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            new URI(url);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String entryName(PackagePart part) {
        return part.getPartName().getName().substring(1);
    }

    private static String relationshipsEntryName(PackagePart part) {
        return PackagingURIHelper.getRelationshipPartName(part.getPartName()).getName().substring(1);
    }

    /** {@code <hyperlink ref="N3" r:id="lnk1"/>}: POI's sheet template binds {@code r} ({@link Splice} checks). */
    private static String hyperlink(int number, String ref, String url) {
        return "<hyperlink ref=\"" + ref + "\" r:id=\"" + ID_PREFIX + number + "\"/>";
    }

    private static String relationship(int number, String ref, String url) {
        return "<Relationship Id=\"" + ID_PREFIX + number + "\" Type=\"" + HYPERLINK_TYPE + "\" Target=\""
                + escape(url) + "\" TargetMode=\"External\"/>";
    }

    /** URIs carry no control characters, so escaping the markup characters is all XML needs. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** One sheet's links: how many, and all but the first (which POI holds) spooled as {@code ref TAB url} lines. */
    private static final class SheetLinks {
        int count;
        Path file;
        Writer writer;

        Writer spool() throws IOException {
            if (writer == null) {
                file = TempFile.createTempFile("lead-export-links", ".txt").toPath();
                writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            }
            return writer;
        }

        boolean delete() {
            if (file == null) {
                return true;
            }
            try {
                writer.close();
            } catch (IOException e) {
                // the file goes anyway
            }
            try {
                Files.deleteIfExists(file);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    private interface Element {
        String render(int number, String ref, String url);
    }

    /** Where one part of the template gets its streamed elements: just before its last {@code marker}. */
    private record Splice(String marker, boolean usesPrefixR, Path spool, Element element) {

        InputStream apply(InputStream template, String entryName) throws IOException {
            if (template instanceof ZipArchiveThresholdInputStream guarded) {
                guarded.setGuardState(false);
            }
            String xml = new String(template.readAllBytes(), StandardCharsets.UTF_8);
            int at = xml.lastIndexOf(marker);
            if (at < 0) {
                throw new IOException("POI wrote " + entryName + " without " + marker
                        + ": the streamed hyperlinks have no place in it");
            }
            if (usesPrefixR && !rootBindsR(xml)) {
                throw new IOException("POI wrote " + entryName + " without binding the prefix r on its root element:"
                        + " the streamed hyperlinks use it");
            }
            return new SequenceInputStream(Collections.enumeration(List.of(
                    new ByteArrayInputStream(xml.substring(0, at).getBytes(StandardCharsets.UTF_8)),
                    new RenderedLines(Files.newBufferedReader(spool, StandardCharsets.UTF_8), element),
                    new ByteArrayInputStream(xml.substring(at).getBytes(StandardCharsets.UTF_8)))));
        }
    }

    /** Whether the worksheet element itself binds the prefix {@code r} that the streamed hyperlinks use. */
    private static boolean rootBindsR(String sheetXml) {
        int root = sheetXml.indexOf("<worksheet");
        int rootEnd = root < 0 ? -1 : sheetXml.indexOf('>', root);
        return rootEnd > 0 && sheetXml.substring(root, rootEnd).contains("xmlns:r=\"" + RELATIONSHIPS_NS + "\"");
    }

    /** The spooled links rendered one element at a time, so no more than one line is in memory. */
    private static final class RenderedLines extends InputStream {
        private final BufferedReader spool;
        private final Element element;
        private byte[] current = new byte[0];
        private int position;
        private int number;

        RenderedLines(BufferedReader spool, Element element) {
            this.spool = spool;
            this.element = element;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int read = 0;
            while (read < length && fill()) {
                int n = Math.min(length - read, current.length - position);
                System.arraycopy(current, position, buffer, offset + read, n);
                position += n;
                read += n;
            }
            return read == 0 ? -1 : read;
        }

        private boolean fill() throws IOException {
            if (position < current.length) {
                return true;
            }
            String line = spool.readLine();
            if (line == null) {
                return false;
            }
            int tab = line.indexOf('\t');
            current = element.render(++number, line.substring(0, tab), line.substring(tab + 1))
                    .getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

        @Override
        public void close() throws IOException {
            spool.close();
        }
    }

    /** POI's template entries, with the spliced ones swapped in as they are read. */
    private record SplicedEntries(ZipEntrySource template, Map<String, Splice> splices) implements ZipEntrySource {

        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            return template.getEntries();
        }

        @Override
        public ZipArchiveEntry getEntry(String path) {
            return template.getEntry(path);
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
            Splice splice = splices.get(entry.getName());
            InputStream in = template.getInputStream(entry);
            if (splice == null) {
                return in;
            }
            try (in) {
                return splice.apply(in, entry.getName());
            }
        }

        @Override
        public void close() throws IOException {
            template.close();
        }

        @Override
        public boolean isClosed() {
            return template.isClosed();
        }
    }
}
