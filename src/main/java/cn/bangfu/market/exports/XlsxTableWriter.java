package cn.bangfu.market.exports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A real workbook (fastexcel, streaming): a frozen header row, column widths that
 * fit Chinese text, amounts as numbers formatted "0.00". Rows are flushed to the
 * stream every {@value #FLUSH_EVERY} rows. Texts are written inline, except those of a
 * column whose texts repeat and empty ones: those go to the shared-string table, once each,
 * so memory does not grow with the row count.
 * <p>
 * The costs were found with JFR on {@code src/bench/exports.sh}: the writing thread is what
 * limits an export, and it spent its time escaping each text character by character, setting
 * a style cell by cell, and compressing. So the amount format is set once per flushed block of
 * rows, and the compression level is {@link ExportConfig#xlsxCompressionLevel() configured}.
 */
final class XlsxTableWriter implements AutoCloseable {

    private static final int FLUSH_EVERY = 1000;
    /** One sheet holds at most 1,048,576 rows; further rows continue on a new sheet. */
    private static final int MAX_ROWS_PER_SHEET = 1_048_575;

    private final Workbook workbook;
    private final String sheetName;
    private Worksheet sheet;
    private List<Column> columns;
    private boolean english;
    private int row;
    /** The first row not yet flushed: the amount columns' format is set from it on, before each flush. */
    private int unflushed;
    private int sheets;

    XlsxTableWriter(OutputStream out, String sheetName, int compressionLevel) {
        this.workbook = new Workbook(out, "bangfu-market", "1.0");
        this.workbook.setCompressionLevel(compressionLevel);
        this.sheetName = sheetName;
    }

    public void header(List<Column> columns, boolean english) {
        this.columns = columns;
        this.english = english;
        newSheet();
    }

    private void newSheet() {
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? sheetName : sheetName + " (" + sheets + ")");
        for (int c = 0; c < columns.size(); c++) {
            sheet.width(c, columns.get(c).width());
            sheet.value(0, c, columns.get(c).header(english));
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
        }
        sheet.freezePane(0, 1);
        row = 1;
        unflushed = 1;
    }

    public void row(List<Cell> cells) throws IOException {
        if (row > MAX_ROWS_PER_SHEET) {
            formatAmounts();
            sheet.finish();
            newSheet();
        }
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            if (cell instanceof Cell.Fen f) {
                sheet.value(row, c, Yuan.of(f.value()));
            } else if (cell instanceof Cell.Whole w) {
                sheet.value(row, c, w.value());
            } else {
                String text = ((Cell.Text) cell).value();
                if (text.isEmpty() || columns.get(c).repeats()) {
                    sheet.value(row, c, text); // shared: one entry per distinct text
                } else {
                    // inline, not in the shared-string table, which would grow with every distinct text
                    sheet.inlineString(row, c, text);
                }
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            formatAmounts();
            sheet.flush();
        }
    }

    /** "0.00" on the amount columns of the rows not yet flushed: one style lookup per column, not per cell. */
    private void formatAmounts() {
        if (unflushed < row) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).kind() == Column.Kind.FEN) {
                    sheet.range(unflushed, c, row - 1, c).style().format("0.00").set();
                }
            }
            unflushed = row;
        }
    }

    public void finish() throws IOException {
        formatAmounts();
        workbook.finish();
    }

    public void close() {
        // The workbook holds no resources of its own; the response stream is closed by the server.
    }
}
