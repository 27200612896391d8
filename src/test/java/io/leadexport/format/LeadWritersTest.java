package io.leadexport.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;

import io.leadexport.TestProperties;
import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadWritersTest {

    private final LeadWriters writers = new LeadWriters(TestProperties.defaults(FormatProperties.class));

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
