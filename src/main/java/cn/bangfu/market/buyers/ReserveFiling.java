package cn.bangfu.market.buyers;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A budget unit's reserve filed for one year (预留份额). */
@RegisterForReflection
public record ReserveFiling(long buyerId, int year, boolean noCanteen,
                            @Schema(nullable = true) Long foodBudgetFen, @Schema(nullable = true) Integer reserveBp) {
}
