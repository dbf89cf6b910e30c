package cn.bangfu.market.common;

/**
 * Free-text rules, checked in one linear pass with the length first, so that a
 * hostile 40,000-character value costs microseconds (a regular expression such as
 * {@code [^\p{Cntrl}]*[^\p{Cntrl}\s][^\p{Cntrl}]*} backtracks quadratically on it).
 * A length is in characters (code points), as PostgreSQL's {@code varchar(n)} and JSON
 * Schema's {@code maxLength} count them: a rare character of a name (生僻字, CJK
 * Extension B and beyond) is one character, not Java's two UTF-16 units.
 * Framework-free.
 */
public final class TextRules {

    private TextRules() {
    }

    /**
     * Whether {@code text} has more than {@code max} characters (code points); counted only when its
     * UTF-16 length, never smaller, is over {@code max}.
     */
    public static boolean longerThan(CharSequence text, int max) {
        return text.length() > max && Character.codePointCount(text, 0, text.length()) > max;
    }

    /** What is wrong with a single-line text (a name, a title), or null when it is fine. */
    public static String singleLineProblem(CharSequence text, int max) {
        if (longerThan(text, max)) {
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
        if (longerThan(text, max)) {
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

    // The rules as patterns for the published document (OpenApiContract), in the regular-expression
    // syntax ECMA-262, Python and Java share: code-point ranges, never \s or \p{..}, whose sets differ
    // between them. TextRulesPatternsTest checks each against its rule, character by character.

    /** ISO control characters, as {@link Character#isISOControl} tells them. */
    private static final String CONTROL = "\\u0000-\\u001F\\u007F-\\u009F";
    /** The control characters a note refuses: all but tab, line feed and carriage return. */
    private static final String NOTE_CONTROL = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F";
    /** Unicode's spaces and separators (Zs, Zl, Zp): {@link Character#isSpaceChar}. */
    private static final String SPACE = "\\u0020\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
    /** {@link Character#isWhitespace} beyond the control characters: the spaces but the no-break ones. */
    private static final String WHITESPACE = "\\u0020\\u1680\\u2000-\\u2006\\u2008-\\u200A"
            + "\\u2028\\u2029\\u205F\\u3000";

    /** A phone number as households and cooperatives give it: an optional +, 5 to 20 digits, spaces, hyphens. */
    public static final String PHONE_NUMBER = "^\\+?[0-9][0-9 -]{4,19}$";

    /**
     * What {@link String#isBlank} takes for blank among the characters a query parameter may hold (no
     * control characters): a query parameter's "absent" in a pattern, {@code ^(?:BLANK_QUERY_VALUE|…)$}.
     */
    public static final String BLANK_QUERY_VALUE = "[" + WHITESPACE + "]*";

    /** Any text {@link #parameterProblem} allows (its length aside), as part of a pattern. */
    public static final String QUERY_TEXT = "[^" + CONTROL + "]*";
    /**
     * A text {@link String#isBlank} does not take for blank: one character that is not
     * {@link Character#isWhitespace}, anything around it (an {@code Idempotency-Key}, say).
     */
    static final String NOT_BLANK = "^[\\s\\S]*[^\\u0009-\\u000D\\u001C-\\u001F" + WHITESPACE + "][\\s\\S]*$";

    /** The characters {@link #parameterProblem} allows, as a pattern for the published document. */
    static final String NO_CONTROL_CHARACTERS = "^" + QUERY_TEXT + "$";
    /** {@link #singleLineProblem}'s text, its length aside: no control character, a visible one. */
    static final String SINGLE_LINE = "^[^" + CONTROL + "]*[^" + CONTROL + SPACE + "][^" + CONTROL + "]*$";
    /** {@link #noteProblem}'s text, its length aside. */
    static final String NOTE = "^[^" + NOTE_CONTROL + "]*$";
    /** A note that is {@code @NotBlank} too: Hibernate Validator's check wants a non-whitespace character. */
    static final String NOTE_NOT_BLANK = "^[^" + NOTE_CONTROL + "]*[^" + CONTROL + WHITESPACE + "][^" + NOTE_CONTROL
            + "]*$";

    /**
     * What is wrong with a free-text query parameter (a search term, a code), or null:
     * short, one line, and no control characters.
     */
    public static Text parameterProblem(CharSequence text, int max) {
        if (longerThan(text, max)) {
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
