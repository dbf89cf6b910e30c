package cn.bangfu.market.income;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The anti-poverty-return monitoring line (防返贫监测线) of a province for a year. */
public final class MonitoringLine {

    private MonitoringLine() {
    }

    public record Request(@NotNull @Min(0) @Max(100_000_000L) Long perCapitaFen) {
    }

    @RegisterForReflection
    public record View(String provinceCode, int year, long perCapitaFen) {
    }
}
