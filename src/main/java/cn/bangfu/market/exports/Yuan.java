package cn.bangfu.market.exports;

import java.math.BigDecimal;

/** Fen shown as yuan with two decimals, by integer arithmetic only. */
public final class Yuan {

    private Yuan() {
    }

    /** {@code 123456 → "1234.56"}, {@code -5 → "-0.05"}. */
    public static String format(long fen) {
        long abs = Math.abs(fen);
        String text = (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
        return fen < 0 ? "-" + text : text;
    }

    /** The exact decimal number of yuan (scale 2), for spreadsheet cells. */
    public static BigDecimal of(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
