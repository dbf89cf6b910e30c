package cn.bangfu.market.income;

/** Why a household is on the early-warning list of a year (income-rules.md §5). */
public enum AlertReason {
    /** 低于监测线: per capita below the line. */
    BELOW_LINE("低于监测线"),
    /** 接近监测线: at or above the line, but below line × nearLineBp. */
    NEAR_LINE("接近监测线"),
    /** 收入大幅缩减: per capita fell by more than dropBp from the year before. */
    INCOME_DROP("收入大幅缩减");

    public final String label;

    AlertReason(String label) {
        this.label = label;
    }
}
