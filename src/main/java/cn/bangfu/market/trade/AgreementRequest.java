package cn.bangfu.market.trade;

import cn.bangfu.market.common.RegionCode;

import cn.bangfu.market.common.SingleLine;
import cn.bangfu.market.common.Years;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public record AgreementRequest(
        @NotNull @SingleLine(max = 200) String title,
        @NotNull @RegionCode String buyerRegionCode,
        @NotNull @RegionCode String sellerRegionCode,
        @NotNull @Min(Years.FIRST) @Max(Years.LAST) Integer year,
        @NotNull @Min(1) @Max(1_000_000_000_000L) Long targetFen) {
}
