package cn.bangfu.market.buyers;

/**
 * A budget unit's reserved share for a year versus what it spent on the
 * platform (delivered minus returned line amounts, by business date).
 */
public record ReserveReport(long buyerId, int year, long annualFoodBudgetFen, int reserveBp, long reservedFen,
                            long spentFen, long spentBp, long remainingFen, boolean reached) {
}
