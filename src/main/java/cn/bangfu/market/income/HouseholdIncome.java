package cn.bangfu.market.income;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/** A household's income for a year (income-rules.md §5). {@code lineFen} and {@code atRisk} are null without a monitoring line. */
@RegisterForReflection
public record HouseholdIncome(long householdId, String householdCode, int year, long contributionsFen,
                              Map<String, Long> byMechanism, long otherIncomeFen, long annualIncomeFen, int members,
                              long perCapitaFen, Long lineFen, Boolean atRisk) {
}
