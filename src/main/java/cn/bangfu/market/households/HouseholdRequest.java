package cn.bangfu.market.households;

import cn.bangfu.market.common.RegionCode;
import cn.bangfu.market.common.SingleLine;
import cn.bangfu.market.common.TextRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = "{\"code\": \"JN-0001\", \"headName\": \"王建国\", "
        + "\"idNumber\": \"(18 characters, GB 11643)\", \"villageCode\": \"620826101201\", "
        + "\"members\": 4, \"category\": \"POVERTY_ALLEVIATED\", "
        + "\"phone\": \"13800000000\"}")
public record HouseholdRequest(
        @NotNull @NotAnIdNumber
        @Pattern(regexp = "^[0-9A-Za-z_-]{1,32}$", message = "must be 1-32 letters, digits, '-' or '_'") String code,
        @NotNull @SingleLine(max = 100) String headName,
        @NotNull @ResidentIdNumber String idNumber,
        @NotNull @RegionCode String villageCode,
        @NotNull @Min(1) @Max(99) Integer members,
        @NotNull HouseholdCategory category,
        @Pattern(regexp = TextRules.PHONE_NUMBER, message = "must be a phone number") String phone) {

    /** Never print the ID number. */
    @Override
    public String toString() {
        return "HouseholdRequest[code=" + code + "]";
    }
}
