package cn.bangfu.market.links;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new benefit link; which of the optional parameters are required depends on the mechanism ({@link LinkRules}).
 * The bounds stated for the published document are LinkRules' own (LinkRulesTest holds them together).
 */
@Schema(example = "{\"cooperativeId\": 5, \"householdId\": 42, \"mechanism\": \"WAGE\", "
        + "\"validFrom\": \"2026-03-01\", \"dailyWageFen\": 12000}",
        description = "Parameters by mechanism, any other given is a 400: SALES_SHARE weight (productId optional: "
                + "one product's sales only); DIVIDEND weight; PROCUREMENT floorPriceFen, productId; "
                + "WAGE dailyWageFen; LAND_RENT areaMu, rentPerMuPerYearFen")
public record LinkRequest(
        @NotNull Long cooperativeId,
        @NotNull Long householdId,
        @NotNull Mechanism mechanism,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @Schema(minimum = "1", maximum = "" + LinkRules.MAX_WEIGHT) Integer weight,
        Long productId,
        @Schema(minimum = "0", maximum = "" + LinkRules.MAX_FEN) Long floorPriceFen,
        @Schema(minimum = "1", maximum = "" + LinkRules.MAX_FEN) Long dailyWageFen,
        @Schema(minimum = "0", exclusiveMinimum = true, maximum = LinkRules.MAX_AREA_MU_TEXT,
                multipleOf = 0.01) BigDecimal areaMu,
        @Schema(minimum = "1", maximum = "" + LinkRules.MAX_FEN) Long rentPerMuPerYearFen) {
}
