package cn.bangfu.market.buyers;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
public record BuyerView(long id, String name, BuyerKind kind, String regionCode,
                        @Schema(nullable = true) Long annualFoodBudgetFen, @Schema(nullable = true) Integer reserveBp,
                        @Schema(nullable = true, description = "The budget unit its purchases count toward")
                        Long parentBuyerId) {

    static BuyerView of(Buyer b) {
        return new BuyerView(b.id, b.name, b.kind, b.regionCode, b.annualFoodBudgetFen, b.reserveBp, b.parentBuyerId);
    }
}
