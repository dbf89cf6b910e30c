package cn.bangfu.market.exports;

import java.time.LocalDate;
import java.util.List;

/**
 * Typed values written into SQL text, for COPY, which takes no bind parameters. Only numbers,
 * dates, booleans and strings are accepted; a string is quoted with its quotes doubled
 * (PostgreSQL's standard_conforming_strings, on by default since 9.1 and required here), so no
 * value can end the literal. Framework-free.
 */
final class SqlLiterals {

    private SqlLiterals() {
    }

    static String quote(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL character cannot be in a literal");
        }
        return "'" + text.replace("'", "''") + "'";
    }

    static String literal(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof LocalDate date) {
            return "date '" + date + "'";
        }
        if (value instanceof String text) {
            return quote(text) + "::text";
        }
        throw new IllegalArgumentException("no literal for a " + value.getClass().getName());
    }

    /** {@code sql} with each {@code ?} replaced by the literal of the next value; the query must hold no other {@code ?}. */
    static String inline(String sql, List<Object> values) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                if (next == values.size()) {
                    throw new IllegalArgumentException("more placeholders than values");
                }
                out.append(literal(values.get(next++)));
            } else {
                out.append(c);
            }
        }
        if (next != values.size()) {
            throw new IllegalArgumentException("more values than placeholders");
        }
        return out.toString();
    }
}
