package cn.bangfu.market.exports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** UTF-8 with BOM (so Excel opens it correctly), RFC 4180 quoting (commons-csv), amounts as "1234.56". */
final class CsvTableWriter implements TableWriter {

    private final CSVPrinter printer;
    private final List<String> values = new ArrayList<>();

    CsvTableWriter(OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    }

    @Override
    public void header(List<Column> columns, boolean english) throws IOException {
        printer.printRecord(columns.stream().map(c -> c.header(english)).toList());
    }

    @Override
    public void row(List<Cell> cells) throws IOException {
        values.clear();
        for (Cell cell : cells) {
            values.add(text(cell));
        }
        printer.printRecord(values);
    }

    private static String text(Cell cell) {
        if (cell instanceof Cell.Fen f) {
            return Yuan.format(f.value());
        }
        if (cell instanceof Cell.Whole w) {
            return Long.toString(w.value());
        }
        return ((Cell.Text) cell).value();
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
