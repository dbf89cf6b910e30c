package cn.bangfu.market.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    /**
     * Property: both are BigDecimal's HALF_UP of the exact quotient, bounded to a long; basisPoints
     * answers 0 for a whole of 0 or less, basisPointsOfEitherSign takes a whole of either sign.
     */
    @Test
    void basisPointsAreExactForAnyLongs() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            long part = switch (i % 4) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt(2_000_001) - 1_000_000;
                case 2 -> random.nextLong() >> random.nextInt(64);
                default -> (random.nextBoolean() ? 1 : -1) * (Long.MAX_VALUE - random.nextInt(1000));
            };
            long whole = switch (i % 5) { // 4 and 5 coprime: every kind of part meets every kind of whole
                case 0 -> 1 + random.nextInt(1_000_000);
                case 1 -> Math.max(1, random.nextLong() >>> random.nextInt(64));
                case 2 -> random.nextInt(3) - 1; // -1, 0, 1
                case 3 -> random.nextLong() >> random.nextInt(64);
                default -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            };
            if (whole == 0) {
                assertThat(Money.basisPoints(part, whole)).isZero();
                continue;
            }
            BigDecimal exact = new BigDecimal(part).multiply(BigDecimal.valueOf(10_000))
                    .divide(new BigDecimal(whole), 0, RoundingMode.HALF_UP); // half away from zero: symmetric
            long bounded = exact.max(BigDecimal.valueOf(Long.MIN_VALUE)).min(BigDecimal.valueOf(Long.MAX_VALUE))
                    .longValueExact();
            assertThat(Money.basisPointsOfEitherSign(part, whole)).as(part + " in " + whole).isEqualTo(bounded);
            assertThat(Money.basisPoints(part, whole)).as(part + " in " + whole).isEqualTo(whole < 0 ? 0 : bounded);
        }
    }

    @Test
    void theRulesExamples() {
        assertThat(Money.basisPoints(1, 3)).isEqualTo(3333);
        assertThat(Money.basisPoints(2, 3)).isEqualTo(6667);
        assertThat(Money.basisPoints(-1, 20_000)).isEqualTo(-1); // -0.5 bp rounds away from zero
        assertThat(Money.basisPoints(1_000_000_000_000_000L, 1_000_000_000_000_000L)).isEqualTo(10_000);
        assertThat(Money.basisPoints(5, 0)).isZero();
        assertThat(Money.basisPointsOfEitherSign(1, -20_000)).isEqualTo(-1); // -0.5 bp, away from zero
        assertThat(Money.basisPointsOfEitherSign(-1, -20_000)).isEqualTo(1);
    }
}
