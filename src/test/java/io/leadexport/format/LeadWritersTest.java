package io.leadexport.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;

import io.leadexport.LeadExportProperties;
import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadWritersTest {

    private final LeadWriters writers = new LeadWriters(new LeadExportProperties(ZoneOffset.UTC,
            "https://chat.example.com/conversations/{id}", new LeadExportProperties.Phone("US"),
            new LeadExportProperties.Demo(0), new LeadExportProperties.Database(Path.of("data")),
            new LeadExportProperties.Export(2000, 1000, 6, 65536, 1_048_575),
            new LeadExportProperties.Storage(Path.of("exports"), Duration.ofHours(24)),
            new LeadExportProperties.Security(false, null, null), null));

    @Test
    void opensTheXlsxWriterForXlsx() throws IOException {
        try (LeadWriter writer = open(ExportFormat.XLSX)) {
            assertThat(writer).isInstanceOf(XlsxLeadWriter.class);
        }
    }

    @Test
    void opensTheTextWriterForText() throws IOException {
        try (LeadWriter writer = open(ExportFormat.TEXT)) {
            assertThat(writer).isInstanceOf(TextLeadWriter.class);
        }
    }

    private LeadWriter open(ExportFormat format) throws IOException {
        return writers.open(new ByteArrayOutputStream(),
                Exports.description(Exports.request(format, ExportFilter.NONE), 0));
    }
}
