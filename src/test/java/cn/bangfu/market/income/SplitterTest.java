package cn.bangfu.market.income;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitterTest {

    private static List<Splitter.Claim> claims(Object... codeAndWeight) {
        List<Splitter.Claim> claims = new ArrayList<>();
        for (int i = 0; i < codeAndWeight.length; i += 2) {
            claims.add(new Splitter.Claim((String) codeAndWeight[i], ((Number) codeAndWeight[i + 1]).longValue()));
        }
        return claims;
    }

    /** income-rules.md §6: 1797 fen by weights 2, 1, 1 → 899, 449, 449. */
    @Test
    void workedExample() {
        assertThat(Splitter.split(1797, claims("H-001", 2, "H-002", 1, "H-003", 1))).containsExactly(899, 449, 449);
    }

    @Test
    void tiesGoToTheLowerCodeWhateverTheOrderGiven() {
        // 10 by three equal weights: 3 each, one fen left, three equal remainders → the lowest code
        assertThat(Splitter.split(10, claims("B", 1, "A", 1, "C", 1))).containsExactly(3, 4, 3);
        assertThat(Splitter.split(11, claims("C", 1, "B", 1, "A", 1))).containsExactly(3, 4, 4);
        // string order, not numeric: "H-10" < "H-9"
        assertThat(Splitter.split(1, claims("H-9", 1, "H-10", 1))).containsExactly(0, 1);
    }

    @Test
    void edgeCases() {
        assertThat(Splitter.split(0, claims("A", 5))).containsExactly(0);
        assertThat(Splitter.split(100, List.of())).isEmpty();
        assertThat(Splitter.split(7, claims("A", 1))).containsExactly(7);
        assertThat(Splitter.split(Long.MAX_VALUE / 2, claims("A", 1_000_000, "B", 3)))
                .satisfies(parts -> assertThat(parts[0] + parts[1]).isEqualTo(Long.MAX_VALUE / 2));
        assertThatThrownBy(() -> Splitter.split(-1, claims("A", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Splitter.Claim("A", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Property, over thousands of random pools and weight sets: the parts add up to the pool,
     * none is negative, each is within one fen of its exact share (floor or floor + 1), the
     * extra fen go to the largest remainders, and among equal remainders to the lowest codes.
     */
    @Test
    void randomPoolsAndWeights() {
        Random random = new Random(2026);
        for (int round = 0; round < 5000; round++) {
            int n = 1 + random.nextInt(random.nextBoolean() ? 5 : 60);
            long pool = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(10);
                case 1 -> random.nextInt(100_000);
                case 2 -> Math.abs(random.nextLong() % 10_000_000_000_000L);
                default -> random.nextInt(1_000);
            };
            List<Splitter.Claim> claims = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long weight = random.nextBoolean() ? 1 + random.nextInt(3) : 1 + random.nextInt(1_000_000);
                claims.add(new Splitter.Claim(String.format("H-%04d", random.nextInt(10_000)) + "-" + i, weight));
            }
            long[] parts = Splitter.split(pool, claims);

            BigInteger total = claims.stream().map(c -> BigInteger.valueOf(c.weight())).reduce(BigInteger.ZERO, BigInteger::add);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                BigInteger exact = BigInteger.valueOf(pool).multiply(BigInteger.valueOf(claims.get(i).weight()));
                long floor = exact.divide(total).longValueExact();
                assertThat(parts[i]).as("round %d part %d", round, i).isBetween(floor, floor + 1).isNotNegative();
                sum += parts[i];
            }
            assertThat(sum).as("round %d", round).isEqualTo(pool);

            // whoever got the extra fen has a remainder at least as large as (and, if equal, a code
            // no greater than) anyone who did not
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    BigInteger exactI = BigInteger.valueOf(pool).multiply(BigInteger.valueOf(claims.get(i).weight()));
                    BigInteger exactJ = BigInteger.valueOf(pool).multiply(BigInteger.valueOf(claims.get(j).weight()));
                    boolean iExtra = parts[i] > exactI.divide(total).longValueExact();
                    boolean jExtra = parts[j] > exactJ.divide(total).longValueExact();
                    if (iExtra && !jExtra) {
                        int byRemainder = exactI.mod(total).compareTo(exactJ.mod(total));
                        assertThat(byRemainder).isGreaterThanOrEqualTo(0);
                        if (byRemainder == 0) {
                            assertThat(claims.get(i).code()).isLessThan(claims.get(j).code());
                        }
                    }
                }
            }
        }
    }
}
