package io.leadexport.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.leadexport.TestProperties;
import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportFormat;

import org.junit.jupiter.api.Test;

import static io.leadexport.format.Exports.description;
import static io.leadexport.format.Exports.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers that render ahead (the pipeline calls {@code render} on its format pool, chunks in any order, and writes
 * the results in row order) write the same bytes as when they are handed the records.
 */
class RenderAheadTest {

    @Test
    void csvRenderedAheadInAnyOrderIsWhatItWritesFromRecords() throws IOException {
        assertRenderedAheadIsTheSame(ExportFormat.CSV);
    }

    @Test
    void theTextReportRenderedAheadInAnyOrderIsWhatItWritesFromRecords() throws IOException {
        assertRenderedAheadIsTheSame(ExportFormat.TEXT);
    }

    @Test
    void jsonRenderedAheadInAnyOrderIsWhatItWritesFromRecords() throws IOException {
        assertRenderedAheadIsTheSame(ExportFormat.JSON);
    }

    @Test
    void jsonWithNoLeadsIsAnEmptyArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LeadWriter writer = open(ExportFormat.JSON, out)) {
            writer.begin();
            writer.write(writer.render(List.of(), 1));
            writer.finish();
        }
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).endsWith("\"leads\":[]}");
    }

    @Test
    void xlsxRendersAsItWrites() throws IOException {
        try (LeadWriter writer = open(ExportFormat.XLSX, new ByteArrayOutputStream())) {
            assertThat(writer.render(Exports.leads(3), 1)).isNull();
        }
    }

    private static void assertRenderedAheadIsTheSame(ExportFormat format) throws IOException {
        List<Object[]> leads = new ArrayList<>(Exports.leads(40));
        leads.addAll(Exports.leads(13));
        int chunkSize = 7;

        ByteArrayOutputStream fromRecords = new ByteArrayOutputStream();
        try (LeadWriter writer = open(format, fromRecords)) {
            writer.begin();
            for (int from = 0; from < leads.size(); from += chunkSize) {
                writer.write(leads.subList(from, Math.min(from + chunkSize, leads.size())));
            }
            writer.finish();
        }

        ByteArrayOutputStream renderedAhead = new ByteArrayOutputStream();
        try (LeadWriter writer = open(format, renderedAhead)) {
            List<RenderedChunk> chunks = new ArrayList<>();
            for (int from = 0; from < leads.size(); from += chunkSize) {
                chunks.add(null);
            }
            for (int c = chunks.size() - 1; c >= 0; c--) { // rendered last chunk first
                int from = c * chunkSize;
                chunks.set(c, writer.render(leads.subList(from, Math.min(from + chunkSize, leads.size())), from + 1));
            }
            writer.begin();
            for (RenderedChunk chunk : chunks) {
                writer.write(chunk);
            }
            writer.finish();
        }

        assertThat(renderedAhead.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(fromRecords.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(renderedAhead.toByteArray()).isEqualTo(fromRecords.toByteArray());
    }

    private static LeadWriter open(ExportFormat format, ByteArrayOutputStream out) throws IOException {
        return new LeadWriters(TestProperties.defaults(FormatProperties.class)).open(out,
                description(request(format, ExportFilter.NONE), 53));
    }
}
