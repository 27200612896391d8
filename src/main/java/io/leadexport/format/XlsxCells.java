package io.leadexport.format;

import java.time.OffsetDateTime;

import io.leadexport.record.ConversationRef;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes typed values into cells. Dates become real date cells; everything else, phone numbers and IDs included,
 * becomes a string cell, so no cell is ever a formula. Counts what Excel's limits made it leave out, for the
 * Export Info sheet.
 */
final class XlsxCells {

    /** Excel's limit on the text of one cell (32,767 UTF-16 chars); POI refuses longer text. */
    static final int MAX_TEXT_LENGTH = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final XlsxStyles styles;
    private final CreationHelper helper;
    private long truncated;

    XlsxCells(Workbook workbook) {
        this.styles = new XlsxStyles(workbook);
        this.helper = workbook.getCreationHelper();
    }

    XlsxStyles styles() {
        return styles;
    }

    /** How many values were longer than a cell holds and were cut to {@link #MAX_TEXT_LENGTH}. */
    long truncated() {
        return truncated;
    }

    /**
     * Writes a value as the record formatter typed it. Null and empty text leave the cell blank.
     *
     * @param linkAllowed whether a conversation id may carry a hyperlink (Excel limits links per sheet)
     * @return whether a hyperlink was added
     */
    boolean value(Row row, int column, Object value, boolean linkAllowed) {
        if (value instanceof OffsetDateTime time) {
            date(row, column, time);
            return false;
        }
        if (value instanceof ConversationRef conversation) {
            return conversation(row, column, conversation, linkAllowed);
        }
        if (value != null) {
            text(row, column, value.toString(), false);
        }
        return false;
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

    private boolean conversation(Row row, int column, ConversationRef conversation, boolean linkAllowed) {
        Hyperlink link = linkAllowed ? hyperlink(conversation.url()) : null;
        Cell cell = text(row, column, conversation.id(), link != null);
        if (cell == null || link == null) {
            return false;
        }
        cell.setHyperlink(link);
        return true;
    }

    /** Null when the configured URL template made an address that is not a valid URI: the id is still written. */
    private Hyperlink hyperlink(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        Hyperlink link = helper.createHyperlink(HyperlinkType.URL);
        try {
            link.setAddress(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return link;
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
