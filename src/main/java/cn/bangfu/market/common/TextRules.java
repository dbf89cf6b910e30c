package cn.bangfu.market.common;

/**
 * Free-text rules, checked in one linear pass with the length first, so that a
 * hostile 40,000-character value costs microseconds (a regular expression such as
 * {@code [^\p{Cntrl}]*[^\p{Cntrl}\s][^\p{Cntrl}]*} backtracks quadratically on it).
 * Framework-free.
 */
public final class TextRules {

    private TextRules() {
    }

    /** What is wrong with a single-line text (a name, a title), or null when it is fine. */
    public static String singleLineProblem(CharSequence text, int max) {
        if (text.length() > max) {
            return "must be at most " + max + " characters";
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return "must be text on one line without control characters";
            }
            visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c);
        }
        return visible ? null : "must not be blank";
    }

    /**
     * What is wrong with a free note (a review note, a dividend's remark), or null: line
     * breaks and tabs are allowed, other control characters (NUL above all, which
     * PostgreSQL refuses in text) are not.
     */
    public static String noteProblem(CharSequence text, int max) {
        if (text.length() > max) {
            return "must be at most " + max + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return "must not contain control characters other than line breaks and tabs";
            }
        }
        return null;
    }

    /** The characters {@link #parameterProblem} allows, as a pattern for the published document. */
    static final String NO_CONTROL_CHARACTERS = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";

    /**
     * What is wrong with a free-text query parameter (a search term, a code), or null:
     * short, one line, and no control characters.
     */
    public static Text parameterProblem(CharSequence text, int max) {
        if (text.length() > max) {
            return Text.of("must be at most " + max + " characters", "最多 " + max + " 个字符");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return Text.of("must not contain control characters", "不能包含控制字符");
            }
        }
        return null;
    }

    /** {@code text} for a SQL/HQL {@code like} with backslash as its escape: its own %, _ and backslashes match themselves. */
    public static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
