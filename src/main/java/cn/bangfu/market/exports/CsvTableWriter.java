package cn.bangfu.market.exports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * UTF-8 with BOM (so Excel opens it correctly), RFC 4180 quoting (commons-csv), amounts as
 * "1234.56"; text that a spreadsheet would take for a formula gets a leading {@code '}
 * ({@link SpreadsheetText}).
 */
final class CsvTableWriter implements TableWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final OutputStream out;
    /** commons-csv formats each record into this builder; it is then encoded and written in one call. */
    private final StringBuilder line = new StringBuilder(512);
    private final CSVPrinter printer;

    CsvTableWriter(OutputStream out) throws IOException {
        this.out = out;
        out.write(BOM);
        printer = new CSVPrinter(line, CSVFormat.RFC4180);
    }

    @Override
    public void header(List<Column> columns, boolean english) throws IOException {
        printer.printRecord(columns.stream().map(c -> c.header(english)).toList());
        drain();
    }

    @Override
    public void row(List<Cell> cells) throws IOException {
        for (Cell cell : cells) {
            printer.print(text(cell));
        }
        printer.println();
        drain();
    }

    private void drain() throws IOException {
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    private static String text(Cell cell) {
        if (cell instanceof Cell.Fen f) {
            return Yuan.format(f.value());
        }
        if (cell instanceof Cell.Whole w) {
            return Long.toString(w.value());
        }
        return SpreadsheetText.neutralized(((Cell.Text) cell).value());
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        // The response stream is closed by the server.
    }
}
