package io.leadexport.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;

import io.leadexport.record.ConversationRef;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XLSX with Apache POI's streaming SXSSF: only a small window of rows stays in memory, the rest goes to compressed
 * temporary files that {@link #close} deletes on every path. Compression is at the fastest level
 * ({@link FastDeflateWorkbook}). Sheet {@code Leads} has a bold, frozen header row with an
 * autofilter; a sheet holds at most {@code rowsPerSheet} leads and the export continues on {@code Leads (2)},
 * {@code Leads (3)}, and so on. An {@code Export Info} sheet comes last.
 *
 * <p>Dates are real date cells; all other values are string cells, so no cell is ever a formula. The first
 * {@value #MAX_LINKS} conversation IDs of an export link to their conversation; later ones are plain text, and the
 * Export Info sheet says so. Links are the one part of a workbook that POI cannot stream: it keeps each one in memory
 * until the file is written (about 2 KB, and twice that while writing), so without a cap memory would grow with the
 * export. Measured: 150,000 leads without links fit in a 64 MB heap, 65,530 links (Excel's own limit per sheet,
 * beyond which Excel drops them all) need about 256 MB. Text longer than a cell holds (32,767 characters) is cut to
 * that length, likewise noted.
 */
final class XlsxLeadWriter implements LeadWriter {

    /** Data rows in one sheet: Excel's 1,048,576 rows, less the header. */
    static final int MAX_ROWS_PER_SHEET = 1_048_575;
    /** Hyperlinks in one workbook: about 40 MB at most, and well under Excel's 65,530 per sheet. */
    static final int MAX_LINKS = 10_000;
    static final String SHEET = "Leads";
    /** Rows kept in memory per sheet before SXSSF flushes them to its temporary file. */
    private static final int ROW_WINDOW = 100;

    private static final Logger log = LoggerFactory.getLogger(XlsxLeadWriter.class);

    private final OutputStream out;
    private final ExportDescription description;
    private final int rowsPerSheet;
    private final int maxLinks;
    private final List<String> labels;
    private final SXSSFWorkbook workbook;
    private final XlsxCells cells;
    private final ColumnWidths widths;
    private final List<SXSSFSheet> sheets = new ArrayList<>();
    private SXSSFSheet sheet;
    private int rowsInSheet;
    private int links;
    private long linksOmitted;
    private boolean closed;
    private final Path tempFolder;

    /** @param rowsPerSheet data rows per sheet, at most {@value #MAX_ROWS_PER_SHEET}; smaller only in tests */
    XlsxLeadWriter(OutputStream out, ExportDescription description, int rowsPerSheet) {
        this(out, description, rowsPerSheet, MAX_LINKS, null);
    }

    /**
     * @param tempFolder where SXSSF's temporary files go (the export's own folder); null for the system's
     */
    XlsxLeadWriter(OutputStream out, ExportDescription description, int rowsPerSheet, Path tempFolder) {
        this(out, description, rowsPerSheet, MAX_LINKS, tempFolder);
    }

    /** @param maxLinks hyperlinks in the workbook; smaller than {@value #MAX_LINKS} only in tests */
    XlsxLeadWriter(OutputStream out, ExportDescription description, int rowsPerSheet, int maxLinks) {
        this(out, description, rowsPerSheet, maxLinks, null);
    }

    private XlsxLeadWriter(OutputStream out, ExportDescription description, int rowsPerSheet, int maxLinks,
                           Path tempFolder) {
        if (rowsPerSheet < 1 || rowsPerSheet > MAX_ROWS_PER_SHEET) {
            throw new IllegalArgumentException(
                    "rows per sheet must be between 1 and " + MAX_ROWS_PER_SHEET + ", not " + rowsPerSheet);
        }
        this.out = out;
        this.tempFolder = tempFolder;
        this.description = description;
        this.rowsPerSheet = rowsPerSheet;
        this.maxLinks = Math.min(maxLinks, MAX_LINKS);
        this.labels = description.labels();
        this.workbook = new FastDeflateWorkbook(ROW_WINDOW);
        this.cells = new XlsxCells(workbook);
        this.widths = new ColumnWidths(labels);
    }

    @Override
    public void begin() throws IOException {
        XlsxTempFiles.in(tempFolder, this::startSheet);
    }

    @Override
    public void write(List<Object[]> records) throws IOException {
        XlsxTempFiles.in(tempFolder, () -> writeRows(records));
    }

    private void writeRows(List<Object[]> records) throws IOException {
        for (Object[] record : records) {
            if (rowsInSheet == rowsPerSheet) {
                completeSheet();
                startSheet();
            }
            Row row = sheet.createRow(++rowsInSheet);
            for (int i = 0; i < record.length; i++) {
                boolean linkAllowed = links < maxLinks;
                if (cells.value(row, i, record[i], linkAllowed)) {
                    links++;
                } else if (!linkAllowed && record[i] instanceof ConversationRef) {
                    linksOmitted++;
                }
            }
            widths.sample(record);
        }
    }

    @Override
    public void finish() throws IOException {
        XlsxTempFiles.in(tempFolder, this::finishWorkbook);
    }

    private void finishWorkbook() throws IOException {
        completeSheet();
        for (SXSSFSheet leads : sheets) {
            widths.applyTo(leads);
        }
        XlsxExportInfo.write(workbook, cells, description, cells.truncated(), linksOmitted, maxLinks);
        workbook.write(out);
        out.flush();
    }

    /**
     * Deletes SXSSF's temporary files, whether the export finished, failed or was cancelled. {@code dispose()} is
     * called explicitly: whether {@code close()} also deletes them has changed between POI versions.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!workbook.dispose()) {
                log.warn("Could not delete every temporary file of an XLSX export");
            }
        } finally {
            workbook.close();
        }
    }

    private void startSheet() {
        String name = sheets.isEmpty() ? SHEET : SHEET + " (" + (sheets.size() + 1) + ")";
        sheet = workbook.createSheet(name);
        sheets.add(sheet);
        rowsInSheet = 0;
        Row header = sheet.createRow(0);
        for (int i = 0; i < labels.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(labels.get(i));
            cell.setCellStyle(cells.styles().header());
        }
        sheet.createFreezePane(0, 1);
    }

    /**
     * Filters the header over the sheet's rows (counted here: once flushed, SXSSF no longer knows the last row) and
     * flushes the rows still in memory.
     */
    private void completeSheet() throws IOException {
        sheet.setAutoFilter(new CellRangeAddress(0, rowsInSheet, 0, labels.size() - 1));
        sheet.flushRows();
    }
}
