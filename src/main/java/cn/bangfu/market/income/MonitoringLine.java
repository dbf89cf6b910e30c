package cn.bangfu.market.income;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The anti-poverty-return monitoring line (防返贫监测线) of a province for a year. */
public final class MonitoringLine {

    private MonitoringLine() {
    }

    /** Near the line: below line × 1.5 (but not below it). */
    public static final int DEFAULT_NEAR_LINE_BP = 15_000;
    /** A drop: per capita more than 30 % below the year before. */
    public static final int DEFAULT_DROP_BP = 3_000;

    @Schema(name = "MonitoringLineRequest")
    public record Request(
            @NotNull @Min(0) @Max(100_000_000L) Long perCapitaFen,
            @Schema(description = "Early warning: NEAR_LINE below line × nearLineBp / 10000 (default 15000)")
            @Min(10_000) @Max(100_000) Integer nearLineBp,
            @Schema(description = "Early warning: INCOME_DROP when per capita fell by more than dropBp / 10000 "
                    + "of the year before (default 3000)")
            @Min(0) @Max(10_000) Integer dropBp) {
    }

    @RegisterForReflection
    @Schema(name = "MonitoringLineView")
    public record View(String provinceCode, int year, long perCapitaFen, int nearLineBp, int dropBp) {
    }
}
