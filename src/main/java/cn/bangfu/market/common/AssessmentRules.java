package cn.bangfu.market.common;

/**
 * The ratios bureaus are assessed on (api.md "Recognition, reserves and assessment"), in integers.
 * Rounding is half up on the magnitude, as BigDecimal's HALF_UP: −2.5 → −3.
 */
public final class AssessmentRules {

    private AssessmentRules() {
    }

    /**
     * 带贫成效: halfUp(householdIncomeFen × 10000 / salesFen); null when salesFen is 0. A year with more
     * returned than delivered (negative sales) gives the formula's own sign, as api.md writes it.
     */
    public static Long returnedBp(long householdIncomeFen, long salesFen) {
        return salesFen == 0 ? null : Money.basisPointsOfEitherSign(householdIncomeFen, salesFen);
    }

    /**
     * 每年实现新增长: halfUp((current − previous) × 10000 / previous); null when previous is 0. A negative
     * previous year (more returned than delivered) divides by itself, sign and all, as api.md writes it.
     */
    public static Long growthBp(long current, long previous) {
        return previous == 0 ? null : Money.basisPointsOfEitherSign(Math.subtractExact(current, previous), previous);
    }
}
