package cn.bangfu.market.common;

import java.util.regex.Pattern;

/**
 * Last line of defence for resident ID numbers: masks anything shaped like one
 * (17 digits and a check character, not inside a longer run of digits) in text
 * that leaves the service, such as an error message quoting a misplaced cell.
 */
public final class Redaction {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");

    private Redaction() {
    }

    /** {@code "... 62082619800101123X ..." → "... 620826********123X ..."}. */
    public static String maskIdNumbers(String text) {
        return text == null ? null : ID_NUMBER.matcher(text).replaceAll("$1********$2");
    }
}
