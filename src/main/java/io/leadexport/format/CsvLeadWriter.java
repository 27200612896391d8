package io.leadexport.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;



/**
 * RFC 4180 CSV: one header row of labels, CRLF, UTF-8 (optionally with a byte-order mark for Excel), values quoted
 * where needed, formula-like text neutralised. Nothing else in the file, so it imports anywhere; the filter travels
 * in the manifest and headers instead. Each record goes to the buffered writer in one piece ({@link CsvLine}, Commons
 * CSV's RFC 4180 quoting).
 */
final class CsvLeadWriter implements LeadWriter {

    private final Writer out;
    private final OutputStream stream;
    private final ExportDescription description;
    private final CsvLine line = new CsvLine();

    CsvLeadWriter(OutputStream stream, ExportDescription description) throws IOException {
        this.description = description;
        this.stream = stream;
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void begin() throws IOException {
        if (description.request().csvBom()) {
            out.write('\uFEFF');
        }
        line.clear();
        List<String> labels = description.labels();
        for (int i = 0; i < labels.size(); i++) {
            line.add(labels.get(i), i == 0);
        }
        print(line.end());
        out.flush(); // the records go to the stream as bytes
    }

    @Override
    public void write(List<Object[]> records) throws IOException {
        write(render(records, 0));
    }

    @Override
    public RenderedChunk render(List<Object[]> records, long firstLead) {
        CsvLine text = new CsvLine(records.size() * 256);
        for (Object[] record : records) {
            record(text, record).end();
        }
        return new RenderedChunk(text.utf8(), records.size());
    }

    @Override
    public void write(RenderedChunk chunk) throws IOException {
        stream.write(chunk.bytes());
    }

    private static CsvLine record(CsvLine line, Object[] record) {
        for (int i = 0; i < record.length; i++) {
            line.add(ValueText.safeText(record[i]), i == 0);
        }
        return line;
    }

    @Override
    public void finish() throws IOException {
        stream.flush();
    }

    private void print(CsvLine record) throws IOException {
        out.write(record.chars(), 0, record.length());
    }
}
