package cn.bangfu.market.exports;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * An export column: its Chinese and English headers, a width (in characters) that fits Chinese
 * text, and the SQL expression that gives its value, of a {@link Kind} that says how each format
 * writes it. Both formats read the same expressions: XLSX through a cursor, CSV through COPY.
 * A column whose texts {@link #repeats() repeat} takes its values from a set that does not grow
 * with the rows (a date, a label, a village, an entity's name, a recorder).
 */
public record Column(String chinese, String english, double width, String sql, Kind kind, boolean repeats) {

    public Column(String chinese, String english, double width, String sql, Kind kind) {
        this(chinese, english, width, sql, kind, false);
    }

    /**
     * The same column, marked as one whose texts repeat: XLSX writes each distinct text once, in
     * the workbook's shared-string table (escaped once, a number in each cell). Other texts are
     * written in their cells, so that the table, held until the end, stays as small as its set.
     */
    Column repeating() {
        return new Column(chinese, english, width, sql, kind, true);
    }

    public enum Kind {
        /**
         * Text: in CSV neutralised (SQL {@code export_text}): Excel and WPS read a cell that starts with
         * {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR as a formula ({@code =HYPERLINK(...)} in a
         * head name would run on a bureau PC: CWE-1236), so such a text gets OWASP's leading {@code '},
         * which the spreadsheet hides. In XLSX a string cell, never a formula.
         */
        TEXT,
        /**
         * Text of a form that cannot start with a formula character (a date, an instant, a code of
         * digits, an enum name or its label, a masked ID): written as it is.
         */
        FIXED,
        /** A whole number (or nothing). */
        WHOLE,
        /** Fen, written as yuan with two decimals (SQL {@code export_yuan}; a number cell "0.00" in XLSX). */
        FEN
    }

    public String header(boolean english) {
        return english ? this.english : chinese;
    }

    /** The value as COPY writes it into the CSV file. */
    String csvSql() {
        return switch (kind) {
            case TEXT -> "export_text(" + sql + ")";
            case FIXED, WHOLE -> sql;
            case FEN -> "export_yuan(" + sql + ")";
        };
    }

    /**
     * SQL that shows {@code expression}'s value by its label: {@code case e when 'A' then '甲' ... end}.
     * The labels are the service's own constants (enum labels), never request text.
     */
    static String labelled(String expression, Map<String, String> labels) {
        return labels.entrySet().stream()
                .map(e -> " when " + SqlLiterals.quote(e.getKey()) + " then " + SqlLiterals.quote(e.getValue()))
                .collect(Collectors.joining("", "case " + expression, " end"));
    }
}
