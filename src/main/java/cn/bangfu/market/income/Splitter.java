package cn.bangfu.market.income;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a pool of fen by weights with the largest remainder method
 * (income-rules.md §2): each share first gets floor(P·w/W); the fen left over go
 * one each to the largest remainders (P·w) mod W, ties broken by household code
 * ascending. The parts always add up to exactly P. Framework-free.
 */
public final class Splitter {

    /** One claimant on a pool: its tie-break key (the household code) and its weight ≥ 1. */
    public record Claim(String code, long weight) {
        public Claim {
            if (weight < 1) {
                throw new IllegalArgumentException("weights are at least 1");
            }
        }
    }

    private Splitter() {
    }

    /** The part of each claim, in the order given. An empty claim list gets nothing (and the pool stays undistributed). */
    public static long[] split(long pool, List<Claim> claims) {
        if (pool < 0) {
            throw new IllegalArgumentException("a pool is never negative");
        }
        int n = claims.size();
        long[] parts = new long[n];
        if (n == 0 || pool == 0) {
            return parts;
        }
        BigInteger total = BigInteger.ZERO;
        for (Claim claim : claims) {
            total = total.add(BigInteger.valueOf(claim.weight()));
        }
        BigInteger p = BigInteger.valueOf(pool);
        BigInteger[] remainders = new BigInteger[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = p.multiply(BigInteger.valueOf(claims.get(i).weight())).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += parts[i];
        }
        long left = pool - given; // < n, since each floor loses less than one fen
        if (left > 0) {
            List<Integer> order = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                    .thenComparing(i -> claims.get(i).code()));
            for (int k = 0; k < left; k++) {
                parts[order.get(k)]++;
            }
        }
        return parts;
    }
}
