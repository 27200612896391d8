package io.leadexport.request;

import java.util.Arrays;
import java.util.Optional;

/** The output formats (README, "The export request": what each format guarantees). */
public enum ExportFormat {
    CSV("csv", "csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    JSON("json", "json", "application/json"),
    TEXT("text", "txt", "text/plain; charset=UTF-8");

    private final String key;
    private final String extension;
    private final String contentType;

    ExportFormat(String key, String extension, String contentType) {
        this.key = key;
        this.extension = extension;
        this.contentType = contentType;
    }

    public String key() {
        return key;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ExportFormat> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
