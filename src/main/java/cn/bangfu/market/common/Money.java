package cn.bangfu.market.common;

import java.math.BigInteger;

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

    /**
     * Basis points of {@code part} in {@code whole}, rounded half up; 0 when whole is 0. Negative parts
     * round symmetrically. Exact for every pair of longs (a part above 922 billion yuan overflowed
     * {@code part × 10,000}: an agreement's progress answered 500); a ratio beyond a long's range,
     * which no real figures reach, is the long's bound.
     */
    public static long basisPoints(long part, long whole) {
        return whole <= 0 ? 0 : basisPointsOfEitherSign(part, whole);
    }

    /**
     * halfUp(part × 10,000 / whole) for a whole of either sign (not 0): the quotient's sign, its
     * magnitude rounded half up (a half away from zero, as BigDecimal's HALF_UP). Exact for every
     * pair of longs, bounded as {@link #basisPoints}.
     */
    public static long basisPointsOfEitherSign(long part, long whole) {
        if (whole == 0) {
            throw new IllegalArgumentException("no basis points of a whole of 0");
        }
        BigInteger w = BigInteger.valueOf(whole).abs();
        // halfUp(|part| × 10,000 / |whole|) = (2 × |part| × 10,000 + |whole|) / (2 × |whole|)
        BigInteger magnitude = BigInteger.valueOf(part).abs().multiply(BigInteger.valueOf(20_000)).add(w)
                .divide(w.shiftLeft(1));
        boolean negative = (part < 0) != (whole < 0) && magnitude.signum() != 0;
        BigInteger signed = negative ? magnitude.negate() : magnitude;
        return signed.bitLength() < Long.SIZE ? signed.longValue() : negative ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
}
