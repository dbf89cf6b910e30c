package cn.bangfu.market.imports;

import cn.bangfu.market.common.ApiProblem;

import java.util.Map;

/** One data row of an import file; {@code row} is the row number as a spreadsheet shows it (header = 1). */
public record ImportRow(int row, Map<String, String> values) {

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
     * The trimmed cell of a numeric column, or null: longer than
     * {@value ImportLimits#MAX_NUMERIC_CHARS} characters it is no number of ours, and
     * is refused before a parser (BigDecimal is quadratic in the digits) sees it.
     */
    public String numeric(String column) {
        String t = get(column);
        if (t != null && t.length() > ImportLimits.MAX_NUMERIC_CHARS) {
            throw new ApiProblem(400, "Import Limit Exceeded", "row " + row + ", column " + column
                    + ": a numeric cell holds at most " + ImportLimits.MAX_NUMERIC_CHARS
                    + " characters; nothing was imported");
        }
        return t;
    }
}
