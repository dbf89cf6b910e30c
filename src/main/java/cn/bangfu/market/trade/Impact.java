package cn.bangfu.market.trade;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * What purchases did for households (帮扶成效): the ledger rows their order lines created, net of
 * returns. Never a household's name, code or ID: households are counted, by village.
 */
@RegisterForReflection
public record Impact(
        @Schema(description = "Households whose net income from these purchases is positive")
        long households,
        @Schema(description = "The net of the ledger rows the purchases' order lines created (returns included)")
        long householdIncomeFen,
        @Schema(description = "householdIncomeFen by mechanism, every mechanism present (0 without rows)")
        Map<String, Long> byMechanism,
        @Schema(description = "By the households' current village, the highest income first")
        List<VillageImpact> byVillage) {

    /** One village's share of the impact. */
    @RegisterForReflection
    public record VillageImpact(String villageCode, String villageName, long households, long householdIncomeFen) {
    }
}
