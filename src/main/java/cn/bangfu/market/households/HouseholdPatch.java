package cn.bangfu.market.households;

import cn.bangfu.market.common.RegionCode;
import cn.bangfu.market.common.SingleLine;
import cn.bangfu.market.common.TextRules;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Corrections of a household's record: only the fields present change. Members and category
 * change by dated changes ({@code POST /households/{id}/changes}), never here: unknown fields
 * are refused (see {@link cn.bangfu.market.common.StrictJson}).
 */
@RegisterForReflection
@Schema(example = "{\"headName\": \"王建国\", \"phone\": \"13900000000\"}",
        additionalProperties = Schema.False.class) // StrictJson reads it failing on unknown fields: a 400
public record HouseholdPatch(
        @SingleLine(max = 100) String headName,
        @Pattern(regexp = TextRules.PHONE_NUMBER, message = "must be a phone number") String phone,
        @RegionCode String villageCode,
        @ResidentIdNumber String idNumber) {

    /** Never print the ID number. */
    @Override
    public String toString() {
        return "HouseholdPatch[headName=" + headName + ", villageCode=" + villageCode + "]";
    }
}
