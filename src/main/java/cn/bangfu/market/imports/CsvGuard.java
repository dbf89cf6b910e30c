package cn.bangfu.market.imports;

/**
 * One linear pass over CSV text before it is parsed, so that the parser never builds
 * a 4-million-cell record or a megabyte cell: at most {@value ImportLimits#MAX_COLUMNS}
 * columns a row, {@value ImportLimits#MAX_CELL_CHARS} characters a cell and
 * {@value ImportLimits#MAX_DATA_ROWS} data rows (RFC 4180: a quoted field may hold
 * separators and line breaks; a doubled quote inside it toggles twice and so stays quoted).
 */
final class CsvGuard {

    private CsvGuard() {
    }

    static void check(CharSequence text) {
        boolean quoted = false;
        int columns = 1;
        int cellChars = 0;
        int records = 0;
        boolean recordHasContent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                recordHasContent = true;
                continue;
            }
            if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (recordHasContent && ++records > ImportLimits.MAX_DATA_ROWS + 1) { // + the header
                    throw ImportLimits.tooManyRows();
                }
                columns = 1;
                cellChars = 0;
                recordHasContent = false;
                continue;
            }
            if (!quoted && c == ',') {
                if (++columns > ImportLimits.MAX_COLUMNS) {
                    throw ImportLimits.tooManyColumns();
                }
                cellChars = 0; // a row of separators only is blank, and skipped like an empty one
                continue;
            }
            if (++cellChars > ImportLimits.MAX_CELL_CHARS) {
                throw ImportLimits.cellTooLong();
            }
            recordHasContent |= !Character.isWhitespace(c);
        }
    }
}
