package cn.bangfu.market.imports;

import cn.bangfu.market.common.SpreadsheetMedia;
import jakarta.ws.rs.core.Response;
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

    /** The template as a CSV download named {@code fileName}. */
    public static Response download(List<Column> columns, List<String> example, String fileName) {
        return Response.ok(csv(columns, example))
                .type(SpreadsheetMedia.CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
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
