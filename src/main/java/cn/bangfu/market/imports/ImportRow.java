package cn.bangfu.market.imports;

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
}
