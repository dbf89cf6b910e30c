package cn.bangfu.market.cooperatives;

import cn.bangfu.market.common.RegionCode;
import cn.bangfu.market.common.SingleLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = "{\"name\": \"静宁县红果苹果专业合作社\", \"creditCode\": \"93620826MA71XXXXXX\", "
        + "\"kind\": \"COOPERATIVE\", \"regionCode\": \"620826\", "
        + "\"contactPhone\": \"0933-1234567\"}")
public record CooperativeRequest(
        @NotNull @SingleLine(max = 200) String name,
        @NotNull @CreditCode String creditCode,
        @NotNull CooperativeKind kind,
        @NotNull @RegionCode String regionCode,
        @Pattern(regexp = "^\\+?[0-9][0-9 -]{4,19}$", message = "must be a phone number") String contactPhone) {
}
