package io.leadexport.format;

import java.io.IOException;
import java.time.OffsetDateTime;

import io.leadexport.record.ConversationRef;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;

/**
 * Writes typed values into cells. Dates become real date cells; everything else, phone numbers and IDs included,
 * becomes a string cell, so no cell is ever a formula; a conversation ID links to its conversation. Counts what
 * Excel's limits made it leave out, for the Export Info sheet.
 */
final class XlsxCells {

    /** Excel's limit on the text of one cell (32,767 UTF-16 chars); POI refuses longer text. */
    static final int MAX_TEXT_LENGTH = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final XlsxStyles styles;
    private final XlsxLinks links;
    private long truncated;

    XlsxCells(StreamingWorkbook workbook) {
        this.styles = new XlsxStyles(workbook);
        this.links = workbook.links();
    }

    XlsxStyles styles() {
        return styles;
    }

    /** How many values were longer than a cell holds and were cut to {@link #MAX_TEXT_LENGTH}. */
    long truncated() {
        return truncated;
    }

    /** Writes a value as the record formatter typed it. Null and empty text leave the cell blank. */
    void value(Row row, int column, Object value) throws IOException {
        if (value instanceof OffsetDateTime time) {
            date(row, column, time);
        } else if (value instanceof ConversationRef conversation) {
            conversation(row, column, conversation);
        } else if (value != null) {
            text(row, column, value.toString(), false);
        }
    }

    /**
     * A date cell. Values already are in the export zone: the local date-time in its own offset is what the other
     * formats show too.
     */
    void date(Row row, int column, OffsetDateTime time) {
        Cell cell = row.createCell(column);
        cell.setCellValue(time.toLocalDateTime());
        cell.setCellStyle(styles.date());
    }

    /**
     * A string cell, always. Text that looks like a formula is quote-prefixed by its style, never altered; formatted
     * phone numbers ({@code +1 ...}) too: unlike CSV's apostrophe the prefix leaves the value as it is, and it keeps
     * Excel from turning the number into a formula when someone edits the cell.
     */
    Cell text(Row row, int column, String text, boolean hyperlink) {
        if (text.isEmpty()) {
            return null;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(fit(text));
        var style = styles.text(FormulaGuard.looksLikeFormula(text), hyperlink);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    void number(Row row, int column, long number) {
        row.createCell(column).setCellValue(number);
    }

    /**
     * The id, linked to the conversation unless Excel's limits say no (then it is plain text, and so is an id whose
     * URL, made by the configured template, is not one Excel can open).
     */
    private void conversation(Row row, int column, ConversationRef conversation) throws IOException {
        if (conversation.id() == null || conversation.id().isEmpty()) {
            return;
        }
        boolean linked = links.allows(row.getSheet().getSheetName(), conversation.url());
        Cell cell = text(row, column, conversation.id(), linked);
        if (linked) {
            links.add(cell, conversation.url());
        }
    }

    /**
     * Excel cannot hold more than {@link #MAX_TEXT_LENGTH} characters in a cell, so longer text (in practice only
     * very long notes) is cut there, never inside a surrogate pair. The other formats keep the whole value.
     */
    private String fit(String text) {
        if (text.length() <= MAX_TEXT_LENGTH) {
            return text;
        }
        truncated++;
        int end = MAX_TEXT_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
