package cn.bangfu.market.links;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A new benefit link; which of the optional parameters are required depends on the mechanism ({@link LinkRules}). */
@Schema(example = "{\"cooperativeId\": 5, \"householdId\": 42, \"mechanism\": \"WAGE\", "
        + "\"validFrom\": \"2026-03-01\", \"dailyWageFen\": 12000}")
public record LinkRequest(
        @NotNull Long cooperativeId,
        @NotNull Long householdId,
        @NotNull Mechanism mechanism,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        Integer weight,
        Long productId,
        Long floorPriceFen,
        Long dailyWageFen,
        BigDecimal areaMu,
        Long rentPerMuPerYearFen) {
}
