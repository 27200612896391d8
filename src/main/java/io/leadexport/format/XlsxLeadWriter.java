package io.leadexport.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XLSX with Apache POI's streaming SXSSF: only a small window of rows stays in memory, the rest goes to compressed
 * temporary files that {@link #close} deletes on every path. Compression is at the fastest level
 * ({@link FastDeflateWorkbook}). Sheet {@code Leads} has a bold, frozen header row with an
 * autofilter; a sheet holds at most {@code rowsPerSheet} leads and the export continues on {@code Leads (2)},
 * {@code Leads (3)}, and so on. An {@code Export Info} sheet comes last.
 *
 * <p>Dates are real date cells; all other values are string cells, so no cell is ever a formula. Conversation IDs
 * link to their conversation, streamed like the rows ({@link XlsxLinks}), up to Excel's
 * {@value XlsxLinks#MAX_PER_SHEET} links per sheet; later ones in a sheet are plain text, and the Export Info sheet
 * says so. Text longer than a cell holds (32,767 characters) is cut to that length, likewise noted.
 */
final class XlsxLeadWriter implements LeadWriter {

    /** Data rows in one sheet: Excel's 1,048,576 rows, less the header. */
    static final int MAX_ROWS_PER_SHEET = 1_048_575;
    static final String SHEET = "Leads";
    /** Rows kept in memory per sheet before SXSSF flushes them to its temporary file. */
    private static final int ROW_WINDOW = 100;

    private static final Logger log = LoggerFactory.getLogger(XlsxLeadWriter.class);

    private final OutputStream out;
    private final ExportDescription description;
    private final int rowsPerSheet;
    private final List<String> labels;
    private final StreamingWorkbook workbook;
    private final XlsxCells cells;
    private final ColumnWidths widths;
    private final List<SXSSFSheet> sheets = new ArrayList<>();
    private SXSSFSheet sheet;
    private int rowsInSheet;
    private boolean closed;
    private final Path tempFolder;

    /** @param rowsPerSheet data rows per sheet, at most {@value #MAX_ROWS_PER_SHEET}; smaller only in tests */
    XlsxLeadWriter(OutputStream out, ExportDescription description, int rowsPerSheet) {
        this(out, description, rowsPerSheet, XlsxLinks.MAX_PER_SHEET, null);
    }

    /**
     * @param tempFolder where SXSSF's temporary files go (the export's own folder); null for the system's
     */
    XlsxLeadWriter(OutputStream out, ExportDescription description, int rowsPerSheet, Path tempFolder) {
        this(out, description, rowsPerSheet, XlsxLinks.MAX_PER_SHEET, tempFolder);
    }

    /** @param linksPerSheet hyperlinks per sheet; below {@value XlsxLinks#MAX_PER_SHEET} only in tests */
    XlsxLeadWriter(OutputStream out, ExportDescription description, int rowsPerSheet, int linksPerSheet) {
        this(out, description, rowsPerSheet, linksPerSheet, null);
    }

    private XlsxLeadWriter(OutputStream out, ExportDescription description, int rowsPerSheet, int linksPerSheet,
                           Path tempFolder) {
        if (rowsPerSheet < 1 || rowsPerSheet > MAX_ROWS_PER_SHEET) {
            throw new IllegalArgumentException(
                    "rows per sheet must be between 1 and " + MAX_ROWS_PER_SHEET + ", not " + rowsPerSheet);
        }
        this.out = out;
        this.tempFolder = tempFolder;
        this.description = description;
        this.rowsPerSheet = rowsPerSheet;
        this.labels = description.labels();
        this.workbook = new StreamingWorkbook(ROW_WINDOW, linksPerSheet);
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
                cells.value(row, i, record[i]);
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
        XlsxLinks links = workbook.links();
        XlsxExportInfo.write(workbook, cells, description, cells.truncated(), links.omitted(), links.maxPerSheet());
        workbook.write(out);
        out.flush();
    }

    /**
     * Deletes SXSSF's temporary files and the spooled links, whether the export finished, failed or was cancelled.
     * {@code dispose()} is called explicitly: whether {@code close()} also deletes them has changed between POI
     * versions.
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
