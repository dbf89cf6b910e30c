package cn.bangfu.market.imports;

import cn.bangfu.market.common.ApiProblem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads an uploaded roster — CSV (UTF-8 with or without BOM; GB18030 as saved by
 * Chinese Excel is accepted too) or XLSX (first sheet) — into rows keyed by
 * canonical column names. The first non-empty row is the header.
 */
public final class TabularFile {

    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    /** Digits a numeric cell may expand to (a 12-digit region code, an 11-digit phone, an amount). */
    private static final int MAX_PLAIN_DIGITS = 40;

    private TabularFile() {
    }

    public static List<ImportRow> read(byte[] content, List<Column> columns) {
        if (content == null || content.length == 0) {
            throw ApiProblem.badRequest("the file is empty", "文件为空");
        }
        if (content.length > ImportLimits.MAX_UPLOAD_BYTES) {
            throw ImportLimits.tooLarge();
        }
        List<List<String>> raw;
        if (isZip(content)) {
            XlsxGuard.check(content);
            raw = readXlsx(content);
        } else {
            raw = readCsv(content);
        }
        return toRows(raw, columns);
    }

    private static boolean isZip(byte[] content) {
        if (content.length < 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (content[i] != ZIP_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Row lists where index 0 holds the spreadsheet row number, as text, followed by the cells. */
    private static List<List<String>> readCsv(byte[] content) {
        String text = decode(content);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        CsvGuard.check(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int rowNumber = 0;
            for (CSVRecord record : parser) {
                rowNumber++;
                List<String> cells = new ArrayList<>(record.size() + 1);
                cells.add(Integer.toString(rowNumber));
                record.forEach(cells::add);
                rows.add(cells); // CsvGuard has bounded the rows already
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiProblem.badRequest("the CSV file is malformed (RFC 4180): check quotes near the reported line",
                    "CSV 文件格式错误（RFC 4180）：请检查所报行附近的引号");
        }
        return rows;
    }

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException e) {
                throw ApiProblem.badRequest("the file is neither XLSX nor CSV text in UTF-8 or GB18030",
                        "该文件既不是 XLSX，也不是 UTF-8 或 GB18030 编码的 CSV 文本");
            }
        }
    }

    private static List<List<String>> readXlsx(byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<Row> stream = sheet.openStream()) {
                stream.forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    cells.add(Integer.toString(row.getRowNum()));
                    for (int i = 0; i < row.getCellCount(); i++) {
                        Cell cell = row.getCell(i);
                        cells.add(cell == null ? null : cellText(cell));
                    }
                    rows.add(cells);
                    if (rows.size() > ImportLimits.MAX_DATA_ROWS + 1) {
                        throw ImportLimits.tooManyRows();
                    }
                });
            }
        } catch (ApiProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ApiProblem.badRequest("the XLSX file cannot be read: is it a valid Excel workbook?",
                    "无法读取该 XLSX 文件：它是有效的 Excel 工作簿吗？");
        }
        return rows;
    }

    private static String cellText(Cell cell) {
        String text = cell.getText();
        if (text == null) {
            return null;
        }
        if (cell.getType() != org.dhatim.fastexcel.reader.CellType.NUMBER) {
            return text;
        }
        // A number as written, as a person reads it: Excel stores 620826100201 as such, other writers
        // (Apache POI) as "6.20826100201E11", and an integer may come as "1.0". An absurd exponent
        // stays as stored rather than expanded, for the column's own check to refuse.
        try {
            BigDecimal number = new BigDecimal(text).stripTrailingZeros();
            int integerDigits = number.precision() - number.scale();
            return integerDigits <= MAX_PLAIN_DIGITS && number.scale() <= MAX_PLAIN_DIGITS
                    ? number.toPlainString() : text;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static List<ImportRow> toRows(List<List<String>> raw, List<Column> columns) {
        int headerIndex = 0;
        while (headerIndex < raw.size() && isBlank(raw.get(headerIndex))) {
            headerIndex++;
        }
        if (headerIndex == raw.size()) {
            throw ApiProblem.badRequest("the file has no header row", "文件没有表头行");
        }
        List<String> header = raw.get(headerIndex);
        Map<Integer, String> columnAt = new HashMap<>();
        for (int i = 1; i < header.size(); i++) {
            String cell = header.get(i);
            if (cell == null) {
                continue;
            }
            String h = cell.replace("\uFEFF", "");
            for (Column column : columns) {
                if (column.matches(h)) {
                    if (columnAt.containsValue(column.name())) {
                        throw ApiProblem.badRequest("column " + column.name() + " appears twice in the header",
                                "列 " + column.name() + " 在表头中出现了两次");
                    }
                    columnAt.put(i, column.name());
                }
            }
        }
        List<String> missing = columns.stream().filter(Column::required)
                .map(Column::name).filter(name -> !columnAt.containsValue(name)).toList();
        if (!missing.isEmpty()) {
            throw ApiProblem.badRequest("the header lacks the required columns " + missing
                    + "; download the template for the expected layout",
                    "表头缺少必需的列 " + missing + "；请下载模板查看应有的格式");
        }
        List<ImportRow> rows = new ArrayList<>();
        for (List<String> cells : raw.subList(headerIndex + 1, raw.size())) {
            if (isBlank(cells)) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            columnAt.forEach((index, name) -> {
                if (index < cells.size()) {
                    values.put(name, cells.get(index));
                }
            });
            rows.add(new ImportRow(Integer.parseInt(cells.get(0)), values));
        }
        if (rows.isEmpty()) {
            throw ApiProblem.badRequest("the file has a header but no data rows", "文件只有表头，没有数据行");
        }
        return rows;
    }

    private static boolean isBlank(List<String> cells) {
        for (int i = 1; i < cells.size(); i++) {
            String c = cells.get(i);
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
