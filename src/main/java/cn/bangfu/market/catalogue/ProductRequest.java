package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.SingleLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A new listing. Prices are integer fen. */
public record ProductRequest(
        @NotNull @SingleLine(max = 200) String name,
        @NotNull Category category,
        @NotNull @SingleLine(max = 32) String unit,
        @NotNull @Min(1) @Max(ProductRules.MAX_PRICE_FEN) Long priceFen,
        @NotNull @Min(0) Integer stock,
        @Min(0) @Max(10000) Integer householdShareBp,
        @SingleLine(max = 200) String brand,
        @Size(max = 4) List<@NotNull Certification> certifications) {
}
