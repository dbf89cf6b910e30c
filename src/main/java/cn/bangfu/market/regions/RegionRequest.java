package cn.bangfu.market.regions;

import jakarta.validation.constraints.Pattern;
import cn.bangfu.market.common.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record RegionRequest(
        @NotBlank String code,
        @NotNull @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String name,
        @NotNull RegionLevel level,
        String parentCode,
        Boolean povertyAlleviated,
        Boolean keyAssistance) {
}
