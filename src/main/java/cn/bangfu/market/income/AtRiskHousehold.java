package cn.bangfu.market.income;

import io.quarkus.runtime.annotations.RegisterForReflection;
import cn.bangfu.market.households.HouseholdCategory;

/** A household whose per-capita income is below its province's monitoring line. The ID number is masked. */
@RegisterForReflection
public record AtRiskHousehold(long householdId, String code, String headName, String idNumber, String villageCode,
                              int members, HouseholdCategory category, long contributionsFen, long otherIncomeFen,
                              long annualIncomeFen, long perCapitaFen, long lineFen, long shortfallPerCapitaFen) {
}
