package cn.bangfu.market.buyers;

import cn.bangfu.market.common.RegionCode;

import cn.bangfu.market.common.SingleLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record BuyerRequest(
        @NotNull @SingleLine(max = 200) String name,
        @NotNull BuyerKind kind,
        @NotNull @RegionCode String regionCode,
        @Min(0) @Max(1_000_000_000_000L) Long annualFoodBudgetFen,
        @Min(1000) @Max(10000) Integer reserveBp,
        @Schema(description = "A TRADE_UNION or ENTERPRISE only: the BUDGET_UNIT whose spending its purchases count toward")
        Long parentBuyerId) {
}
