package cn.bangfu.market.exports;

/**
 * Text a spreadsheet must show as text. Excel and WPS read a CSV cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR as a formula ({@code =HYPERLINK(...)}
 * in a head name would run on a bureau PC: CWE-1236); OWASP's guidance is a leading
 * {@code '}, which the spreadsheet hides. Only text cells pass through here: amounts and
 * ids are written as numbers, so a reversal's {@code -12.34} stays a number.
 * Framework-free.
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    static String neutralized(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
