package cn.bangfu.market.common;

/** Shared patterns for free text fields. */
public final class Text {

    /** Not blank, one line, no control characters (NUL, tabs, newlines). */
    public static final String SINGLE_LINE = "[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*";
    public static final String SINGLE_LINE_MESSAGE = "must be non-blank text on one line without control characters";

    private Text() {
    }
}
