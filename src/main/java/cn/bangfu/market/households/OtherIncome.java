package cn.bangfu.market.households;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Declared income from all other sources for a year (其他收入). */
public final class OtherIncome {

    private OtherIncome() {
    }

    @Schema(name = "OtherIncomeRequest")
    public record Request(@NotNull @Min(0) @Max(100_000_000_000L) Long amountFen) {
    }

    @RegisterForReflection
    @Schema(name = "OtherIncomeView")
    public record View(long householdId, int year, long amountFen) {
    }
}
