package cn.bangfu.market.links;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A new benefit link; which of the optional parameters are required depends on the mechanism ({@link LinkRules}). */
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
