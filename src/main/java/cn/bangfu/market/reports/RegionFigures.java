package cn.bangfu.market.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Sales and household income of one region for a year. {@code salesFen}: delivered minus
 * returned line amounts of cooperatives there; {@code contributionsFen}: what its households
 * earned through benefit links; {@code atRiskHouseholds} is null where no monitoring line is set.
 */
@RegisterForReflection
public record RegionFigures(String regionCode, String name, String level, long households, long linkedHouseholds,
                            @Schema(nullable = true) Long atRiskHouseholds, long salesFen, long contributionsFen,
                            long otherIncomeFen, long householdIncomeFen,
                            @Schema(nullable = true, description = "halfUp((salesFen − previous.salesFen) × 10000 / "
                                    + "|previous.salesFen|); null when the previous year had no sales, and inside previous")
                            Long growthBp,
                            @Schema(nullable = true, description = "The same figures for year − 1 (households: today's "
                                    + "roster); null inside previous itself")
                            RegionFigures previous) {
}
