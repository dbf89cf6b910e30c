package cn.bangfu.market.imports;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;

/** One data row of an import file; {@code row} is the row number as a spreadsheet shows it (header = 1). */
public record ImportRow(int row, Map<String, String> values) {

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** The trimmed cell of a column, or null when absent or blank. */
    public String get(String column) {
        String v = values.get(column);
        if (v == null) {
            return null;
        }
        String t = v.strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * The date in a cell, or null when blank: {@code YYYY-MM-DD}, {@code YYYY/M/D} as Chinese
     * Excel writes it, or an Excel date serial (days since 1899-12-30).
     *
     * @throws DateTimeParseException when the cell holds no such date
     */
    public LocalDate date(String column) {
        String v = get(column);
        if (v == null) {
            return null;
        }
        if (v.matches("\\d{1,5}")) { // an Excel date cell: days since 1899-12-30
            return EXCEL_EPOCH.plusDays(Long.parseLong(v));
        }
        return v.contains("/") ? LocalDate.parse(v, SLASHED) : LocalDate.parse(v);
    }

    /**
     * The trimmed cell of a numeric column, or null: longer than
     * {@value ImportLimits#MAX_NUMERIC_CHARS} characters it is no number of ours, and
     * is refused before a parser (BigDecimal is quadratic in the digits) sees it.
     */
    public String numeric(String column) {
        String t = get(column);
        if (t != null && t.length() > ImportLimits.MAX_NUMERIC_CHARS) {
            throw new ApiProblem(400, "Import Limit Exceeded", Text.of("row " + row + ", column " + column
                    + ": a numeric cell holds at most " + ImportLimits.MAX_NUMERIC_CHARS
                    + " characters; nothing was imported",
                    "第 " + row + " 行 " + column + " 列：数值单元格最多 " + ImportLimits.MAX_NUMERIC_CHARS
                    + " 个字符；未导入任何内容"));
        }
        return t;
    }
}
