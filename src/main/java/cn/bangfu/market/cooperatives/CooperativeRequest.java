package cn.bangfu.market.cooperatives;

import cn.bangfu.market.common.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record CooperativeRequest(
        @NotNull @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String name,
        @NotNull @CreditCode String creditCode,
        @NotNull CooperativeKind kind,
        @NotBlank String regionCode,
        @Pattern(regexp = "\\+?[0-9][0-9 -]{4,19}", message = "must be a phone number") String contactPhone) {
}
