package cn.bangfu.market.regions;

import cn.bangfu.market.common.RegionCode;

import cn.bangfu.market.common.SingleLine;
import jakarta.validation.constraints.NotNull;

public record RegionRequest(
        @NotNull @RegionCode String code,
        @NotNull @SingleLine(max = 100) String name,
        @NotNull RegionLevel level,
        @RegionCode String parentCode,
        Boolean povertyAlleviated,
        Boolean keyAssistance) {
}
