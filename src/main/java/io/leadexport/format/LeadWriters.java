package io.leadexport.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;


import org.springframework.stereotype.Component;

/** Opens the writer for a request's format. The only place that chooses by format. */
@Component("leadWriters")
public class LeadWriters {

    private final int xlsxRowsPerSheet;

    public LeadWriters(FormatProperties properties) {
        this.xlsxRowsPerSheet = properties.xlsxRowsPerSheet();
    }

    public LeadWriter open(OutputStream out, ExportDescription description) throws IOException {
        return open(out, description, null);
    }

    /** @param workFolder where a writer keeps temporary files (XLSX's SXSSF): the export's own folder */
    public LeadWriter open(OutputStream out, ExportDescription description, Path workFolder) throws IOException {
        return switch (description.request().format()) {
            case CSV -> new CsvLeadWriter(out, description);
            case JSON -> new JsonLeadWriter(out, description);
            case XLSX -> new XlsxLeadWriter(out, description, xlsxRowsPerSheet, workFolder);
            case TEXT -> new TextLeadWriter(out, description);
        };
    }
}
