package cn.bangfu.market.buyers;

import cn.bangfu.market.common.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record BuyerRequest(
        @NotNull @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String name,
        @NotNull BuyerKind kind,
        @NotBlank String regionCode,
        @Min(0) @Max(1_000_000_000_000L) Long annualFoodBudgetFen,
        @Min(1000) @Max(10000) Integer reserveBp) {
}
