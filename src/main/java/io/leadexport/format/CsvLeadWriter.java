package io.leadexport.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV: one header row of labels, CRLF, UTF-8 (optionally with a byte-order mark for Excel), values quoted
 * where needed, formula-like text neutralised. Nothing else in the file, so it imports anywhere; the filter travels
 * in the manifest and headers instead.
 */
final class CsvLeadWriter implements LeadWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final Writer out;
    private final CSVPrinter printer;
    private final ExportDescription description;
    private final String[] line;

    CsvLeadWriter(OutputStream stream, ExportDescription description) throws IOException {
        this.description = description;
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.printer = new CSVPrinter(out, FORMAT);
        this.line = new String[description.columns().size()];
    }

    @Override
    public void begin() throws IOException {
        if (description.request().csvBom()) {
            out.write('\uFEFF');
        }
        printer.printRecord(description.labels());
    }

    @Override
    public void write(List<Object[]> records) throws IOException {
        for (Object[] record : records) {
            for (int i = 0; i < record.length; i++) {
                line[i] = ValueText.safeText(record[i]);
            }
            printer.printRecord((Object[]) line);
        }
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }
}
