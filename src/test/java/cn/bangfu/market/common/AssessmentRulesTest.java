package cn.bangfu.market.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentRulesTest {

    @Test
    void growthByHand() {
        assertThat(AssessmentRules.growthBp(12_000, 10_000)).isEqualTo(2000);
        assertThat(AssessmentRules.growthBp(8_000, 10_000)).isEqualTo(-2000);
        assertThat(AssessmentRules.growthBp(10_000, 10_000)).isZero();
        assertThat(AssessmentRules.growthBp(5, 0)).isNull();
        assertThat(AssessmentRules.growthBp(0, 0)).isNull();
        assertThat(AssessmentRules.growthBp(0, 7)).isEqualTo(-10_000);
        // (1 × 10000 / 3) = 3333.33 → 3333; (2 × 10000 / 3) = 6666.67 → 6667
        assertThat(AssessmentRules.growthBp(4, 3)).isEqualTo(3333);
        assertThat(AssessmentRules.growthBp(5, 3)).isEqualTo(6667);
        // a half rounds away from zero on both sides: ±1 / 20000 of 10000 = ±0.5
        assertThat(AssessmentRules.growthBp(20_001, 20_000)).isEqualTo(1);
        assertThat(AssessmentRules.growthBp(19_999, 20_000)).isEqualTo(-1);
        // from a year with more returned than delivered, the formula's own sign (api.md): (100 + 100) / −100
        assertThat(AssessmentRules.growthBp(100, -100)).isEqualTo(-20_000);
        assertThat(AssessmentRules.growthBp(-300, -100)).isEqualTo(20_000);
        assertThat(AssessmentRules.growthBp(0, -17_970)).isEqualTo(-10_000);
        assertThat(AssessmentRules.growthBp(-20_001, -20_000)).isEqualTo(1); // −1 / −20000 of 10000 = 0.5
    }

    @Test
    void returnedByHand() {
        assertThat(AssessmentRules.returnedBp(5_001, 20_000)).isEqualTo(2501); // 2500.5
        assertThat(AssessmentRules.returnedBp(-5_001, 20_000)).isEqualTo(-2501);
        assertThat(AssessmentRules.returnedBp(5_001, 0)).isNull();
        // more returned than delivered: returns clawed back from households, the formula's sign
        assertThat(AssessmentRules.returnedBp(-1_797, -17_970)).isEqualTo(1000);
        assertThat(AssessmentRules.returnedBp(5_001, -20_000)).isEqualTo(-2501);
        assertThat(AssessmentRules.returnedBp(0, -20)).isZero();
    }

    /** Property: both ratios are BigDecimal's HALF_UP of the exact quotient, for random figures of either sign. */
    @Test
    void ratiosAgreeWithBigDecimal() {
        Random random = new Random(15);
        BigDecimal bp = BigDecimal.valueOf(10_000);
        for (int i = 0; i < 20_000; i++) {
            long current = random.nextLong() % 100_000_000_000L;
            long previous = random.nextLong() % (1 + random.nextInt(1_000_000_000));
            if (previous != 0) {
                long expected = BigDecimal.valueOf(current - previous).multiply(bp)
                        .divide(BigDecimal.valueOf(previous), 0, RoundingMode.HALF_UP).longValueExact();
                assertThat(AssessmentRules.growthBp(current, previous)).as("%d over %d", current, previous)
                        .isEqualTo(expected);
            }
            if (previous != 0) {
                long expected = BigDecimal.valueOf(current).multiply(bp)
                        .divide(BigDecimal.valueOf(previous), 0, RoundingMode.HALF_UP).longValueExact();
                assertThat(AssessmentRules.returnedBp(current, previous)).isEqualTo(expected);
            }
        }
    }
}
