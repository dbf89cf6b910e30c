package cn.bangfu.market.exports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A real workbook (fastexcel, streaming): a frozen header row, column widths that
 * fit Chinese text, amounts as numbers formatted "0.00". Rows are flushed to the
 * stream every {@value #FLUSH_EVERY} rows and texts are written inline, so memory does
 * not grow with the row count.
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
    private int sheets;

    XlsxTableWriter(OutputStream out, String sheetName) {
        this.workbook = new Workbook(out, "bangfu-market", "1.0");
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
    }

    public void row(List<Cell> cells) throws IOException {
        if (row > MAX_ROWS_PER_SHEET) {
            sheet.finish();
            newSheet();
        }
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            if (cell instanceof Cell.Fen f) {
                sheet.value(row, c, Yuan.of(f.value()));
                sheet.style(row, c).format("0.00").set();
            } else if (cell instanceof Cell.Whole w) {
                sheet.value(row, c, w.value());
            } else {
                // inline, not in the shared-string table, which would grow with every distinct text
                sheet.inlineString(row, c, ((Cell.Text) cell).value());
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    public void finish() throws IOException {
        workbook.finish();
    }

    public void close() {
        // The workbook holds no resources of its own; the response stream is closed by the server.
    }
}
