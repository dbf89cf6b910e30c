package cn.bangfu.market.catalogue;

import jakarta.validation.constraints.Pattern;
import cn.bangfu.market.common.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A new listing. Prices are integer fen. */
public record ProductRequest(
        @NotNull @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String name,
        @NotNull Category category,
        @NotNull @Size(max = 32) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String unit,
        @NotNull @Min(1) @Max(ProductRules.MAX_PRICE_FEN) Long priceFen,
        @NotNull @Min(0) Integer stock,
        @Min(0) @Max(10000) Integer householdShareBp,
        @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String brand,
        @Size(max = 4) List<@NotNull Certification> certifications) {
}
