package cn.bangfu.market.trade;

import cn.bangfu.market.common.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record AgreementRequest(
        @NotNull @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String title,
        @NotBlank String buyerRegionCode,
        @NotBlank String sellerRegionCode,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull @Min(1) @Max(1_000_000_000_000L) Long targetFen) {
}
