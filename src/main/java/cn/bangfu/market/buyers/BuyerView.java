package cn.bangfu.market.buyers;

import io.quarkus.runtime.annotations.RegisterForReflection;


@RegisterForReflection
public record BuyerView(long id, String name, BuyerKind kind, String regionCode, Long annualFoodBudgetFen,
                        Integer reserveBp) {

    static BuyerView of(Buyer b) {
        return new BuyerView(b.id, b.name, b.kind, b.regionCode, b.annualFoodBudgetFen, b.reserveBp);
    }
}
