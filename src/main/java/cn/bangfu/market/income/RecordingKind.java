package cn.bangfu.market.income;

/** What a recording did. The first four are a cooperative's commands, which a reversal can correct. */
public enum RecordingKind {
    PROCUREMENT, WAGE_RECORD, DIVIDEND, RENT_ACCRUAL,
    /** SALES_SHARE rows of one delivered order line. */
    ORDER_DELIVERY,
    /** The reversal rows of one returned order line. */
    ORDER_RETURN,
    /** The correction of another recording (income-rules.md §4). */
    REVERSAL;

    /** Whether {@code POST /recordings/{id}/reversal} may correct it: order lines are corrected by returns. */
    boolean reversible() {
        return this == PROCUREMENT || this == WAGE_RECORD || this == DIVIDEND || this == RENT_ACCRUAL;
    }
}
