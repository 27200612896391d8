package io.leadexport.format;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The few cell styles an export uses, created once per workbook: Excel caps a workbook at about 64,000 styles, so a
 * style is never created per cell.
 */
final class XlsxStyles {

    static final String DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";

    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle quoted;
    private final CellStyle link;
    private final CellStyle quotedLink;

    XlsxStyles(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);

        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));

        quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);

        Font linkFont = workbook.createFont();
        linkFont.setUnderline(Font.U_SINGLE);
        linkFont.setColor(IndexedColors.BLUE.getIndex());
        link = workbook.createCellStyle();
        link.setFont(linkFont);
        quotedLink = workbook.createCellStyle();
        quotedLink.setFont(linkFont);
        quotedLink.setQuotePrefixed(true);
    }

    /** Bold: header rows and the labels of the Export Info sheet. */
    CellStyle header() {
        return header;
    }

    CellStyle date() {
        return date;
    }

    /**
     * The style of a text cell, or null for the default one. Text that looks like a formula is quote-prefixed: its
     * value stays exactly as exported, and Excel keeps it text even when someone edits the cell.
     */
    CellStyle text(boolean looksLikeFormula, boolean hyperlink) {
        if (hyperlink) {
            return looksLikeFormula ? quotedLink : link;
        }
        return looksLikeFormula ? quoted : null;
    }
}
