package cn.bangfu.market.cooperatives;

import cn.bangfu.market.common.RegionCode;
import cn.bangfu.market.common.SingleLine;
import cn.bangfu.market.common.TextRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = "{\"name\": \"静宁县红果苹果专业合作社\", \"creditCode\": \"93620826MA71XXXXXC\", "
        + "\"kind\": \"COOPERATIVE\", \"regionCode\": \"620826\", "
        + "\"contactPhone\": \"0933-1234567\"}")
public record CooperativeRequest(
        @NotNull @SingleLine(max = 200) String name,
        @Schema(pattern = CreditCodes.SHAPE, description = "统一社会信用代码 (GB 32100): 18 characters, the last "
                + "a check character over the first 17")
        @NotNull @CreditCode String creditCode,
        @NotNull CooperativeKind kind,
        @NotNull @RegionCode String regionCode,
        @Pattern(regexp = TextRules.PHONE_NUMBER, message = "must be a phone number") String contactPhone) {
}
