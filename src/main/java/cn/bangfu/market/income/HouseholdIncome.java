package cn.bangfu.market.income;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** A household's income for a year (income-rules.md §5). {@code lineFen} and {@code atRisk} are null without a monitoring line. */
@RegisterForReflection
public record HouseholdIncome(long householdId, String householdCode, int year, long contributionsFen, Map<String,
                              Long> byMechanism, long otherIncomeFen, long annualIncomeFen, int members,
                              long perCapitaFen, @Schema(nullable = true) Long lineFen,
                              @Schema(nullable = true) Boolean atRisk) {
}
