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

    @Schema(name = "MonitoringLineRequest")
    public record Request(@NotNull @Min(0) @Max(100_000_000L) Long perCapitaFen) {
    }

    @RegisterForReflection
    @Schema(name = "MonitoringLineView")
    public record View(String provinceCode, int year, long perCapitaFen) {
    }
}
