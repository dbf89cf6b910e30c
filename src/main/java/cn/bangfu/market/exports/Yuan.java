package cn.bangfu.market.exports;

import java.math.BigDecimal;

/** Fen as the exact decimal number of yuan; CSV writes the same in SQL ({@code export_yuan}, migration V15). */
public final class Yuan {

    private Yuan() {
    }

    /** The exact decimal number of yuan (scale 2), for spreadsheet cells. */
    public static BigDecimal of(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
