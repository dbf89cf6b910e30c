package cn.bangfu.market.buyers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /buyers/{id}/reserves/{year}}: {@code {foodBudgetFen, reserveBp}} or {@code {noCanteen: true}}. */
@Schema(examples = "{\"foodBudgetFen\": 120000000, \"reserveBp\": 3000}")
public record ReserveFilingRequest(@Min(0) @Max(1_000_000_000_000L) Long foodBudgetFen,
                                   @Min(1000) @Max(10000) Integer reserveBp,
                                   @Schema(description = "The unit has no canteen this year and reserves nothing")
                                   Boolean noCanteen) {
}
