package cn.bangfu.market.cooperatives;

import cn.bangfu.market.common.RegionCode;

import cn.bangfu.market.common.SingleLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record CooperativeRequest(
        @NotNull @SingleLine(max = 200) String name,
        @NotNull @CreditCode String creditCode,
        @NotNull CooperativeKind kind,
        @NotNull @RegionCode String regionCode,
        @Pattern(regexp = "\\+?[0-9][0-9 -]{4,19}", message = "must be a phone number") String contactPhone) {
}
