package cn.bangfu.market.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Import templates: a header row and one example row, UTF-8 with BOM so Excel opens it correctly. */
public final class Templates {

    private Templates() {
    }

    public static String csv(List<Column> columns, List<String> example) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(columns.stream().map(Column::templateHeader).toList());
            printer.printRecord(example);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
