package cn.bangfu.market.common;

/** Integer fen arithmetic shared by every money rule. No floating point anywhere. */
public final class Money {

    private Money() {
    }

    /** {@code halfUp(n / d)} for non-negative integers: (2n + d) / (2d) — income-rules.md §2. */
    public static long halfUp(long numerator, long denominator) {
        if (numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("halfUp needs n >= 0 and d > 0");
        }
        return Math.addExact(Math.multiplyExact(2, numerator), denominator) / Math.multiplyExact(2, denominator);
    }

    /** Basis points of {@code part} in {@code whole}, rounded half up; 0 when whole is 0. Negative parts round symmetrically. */
    public static long basisPoints(long part, long whole) {
        if (whole <= 0) {
            return 0;
        }
        long magnitude = halfUp(Math.multiplyExact(Math.abs(part), 10_000L), whole);
        return part < 0 ? -magnitude : magnitude;
    }
}
