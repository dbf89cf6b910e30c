package cn.bangfu.market.common;

/**
 * The ratios bureaus are assessed on (api.md "Recognition, reserves and assessment"), in integers.
 * Rounding is half up on the magnitude, as BigDecimal's HALF_UP: −2.5 → −3.
 */
public final class AssessmentRules {

    private AssessmentRules() {
    }

    /** 带贫成效: halfUp(householdIncomeFen × 10000 / salesFen); null without (positive) sales. */
    public static Long returnedBp(long householdIncomeFen, long salesFen) {
        return salesFen > 0 ? Money.basisPoints(householdIncomeFen, salesFen) : null;
    }

    /**
     * 每年实现新增长: halfUp((current − previous) × 10000 / previous); null when previous is 0. A
     * negative previous year (more returned than delivered) divides by its magnitude, so that a
     * figure rising from it still grows.
     */
    public static Long growthBp(long current, long previous) {
        if (previous == 0) {
            return null;
        }
        long change = Math.subtractExact(current, previous);
        long magnitude = Money.halfUp(Math.multiplyExact(Math.abs(change), 10_000L), Math.abs(previous));
        return change < 0 ? -magnitude : magnitude;
    }
}
