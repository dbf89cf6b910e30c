package cn.bangfu.market.buyers;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A budget unit's reserved share for a year (its filing for the year, else its defaults) versus what
 * it and the buyers counting toward it spent on the platform (delivered minus returned line
 * amounts, by business date).
 */
@RegisterForReflection
public record ReserveReport(long buyerId, int year, long annualFoodBudgetFen, int reserveBp, long reservedFen,
                            long spentFen, long spentBp, long remainingFen, boolean reached,
                            @Schema(description = "The part of spentFen from lines whose product was recognised "
                                    + "(帮扶产品认定) when the order was placed")
                            long recognizedFen,
                            @Schema(description = "The unit declared it has no canteen this year: nothing reserved")
                            boolean noCanteen,
                            @Schema(description = "The figures come from the year's filing, not the buyer's defaults")
                            boolean filed) {
}
