package cn.bangfu.market.income;

import io.quarkus.runtime.annotations.RegisterForReflection;
import cn.bangfu.market.households.HouseholdCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A household whose per-capita income is below its province's monitoring line. The ID number is masked. */
@RegisterForReflection
public record AtRiskHousehold(long householdId,
                              @Schema(description = "The household's code (户编码), as GET /households/{id} names it")
                              String code,
                              @Schema(description = "The same code, as the alerts, contributions and income name it")
                              String householdCode,
                              String headName, String idNumber, String villageCode,
                              int members, HouseholdCategory category, long contributionsFen, long otherIncomeFen,
                              long annualIncomeFen, long perCapitaFen, long lineFen, long shortfallPerCapitaFen) {
}
