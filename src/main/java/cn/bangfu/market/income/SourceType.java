package cn.bangfu.market.income;

/** What created a contribution. A reversal keeps the source of the row it reverses. */
public enum SourceType {
    ORDER_LINE, PROCUREMENT, WAGE_RECORD, DIVIDEND, RENT_ACCRUAL
}
