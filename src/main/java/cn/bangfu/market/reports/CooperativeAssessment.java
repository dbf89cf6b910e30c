package cn.bangfu.market.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * What one business entity returned to households in a year (带贫成效, 联农带农 assessment):
 * its sales, the net household income it created by mechanism, and whom it reached.
 */
@RegisterForReflection
public record CooperativeAssessment(
        long cooperativeId, String name, String kind, String regionCode,
        @Schema(description = "Delivered minus returned line amounts, by business date in the year")
        long salesFen,
        @Schema(description = "Net contributions (reversals included) dated in the year; the sum of /contributions")
        long householdIncomeFen,
        @Schema(description = "householdIncomeFen by mechanism, every mechanism present (0 without rows)")
        Map<String, Long> byMechanism,
        @Schema(description = "Households with a link of this entity active at some time in the year")
        long linkedHouseholds,
        @Schema(description = "Households whose net income from this entity in the year is positive")
        long paidHouseholds,
        @Schema(description = "paidHouseholds by the household's category on 31 December of the year "
                + "(income-rules.md §5), every category present")
        Map<String, Long> paidByCategory,
        @Schema(nullable = true, description = "halfUp(householdIncomeFen × 10000 / salesFen); null when salesFen is 0")
        Long returnedBp) {
}
