package io.leadexport.format;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The writers' part of {@code lead-export.export.*}.
 *
 * @param xlsxRowsPerSheet data rows per XLSX sheet before the export continues on the next one; Excel's own limit
 *                         (1,048,576 rows including the header) is the default, a smaller value is for tests
 */
@Validated
@ConfigurationProperties("lead-export.export")
public record FormatProperties(@DefaultValue("1048575") @Min(1) @Max(1048575) int xlsxRowsPerSheet) {
}
