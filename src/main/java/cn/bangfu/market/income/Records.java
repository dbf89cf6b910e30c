package cn.bangfu.market.income;

import cn.bangfu.market.common.BusinessDate;
import cn.bangfu.market.common.Note;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Requests that record income, and their answer. */
public final class Records {

    private Records() {
    }

    /** 订单收购: quantity with at most 3 decimals. */
    public record Procurement(
            @NotNull Long householdId,
            @NotNull Long productId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 3)
            BigDecimal quantity,
            @NotNull @Min(0) @Max(1_000_000_000L) Long unitPriceFen,
            @NotNull @BusinessDate LocalDate date) {
    }

    /** 务工: days with at most 1 decimal, at most 31 per record. */
    public record Wage(
            @NotNull Long householdId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("31") @Digits(integer = 2, fraction = 1)
            BigDecimal days,
            @NotNull @BusinessDate LocalDate date) {
    }

    /** 分红 declaration. */
    public record Dividend(
            @NotNull @Min(1) @Max(1_000_000_000_000L) Long amountFen,
            @NotNull @BusinessDate LocalDate date,
            @Note(max = 500) String note) {
    }

    /** 土地流转租金 accrual over inclusive dates within one calendar year. */
    public record LandRentAccrual(@NotNull @BusinessDate LocalDate from, @NotNull @BusinessDate LocalDate to) {
    }

    /** The rows a record created. */
    @RegisterForReflection
    @Schema(name = "RecordedContributions")
    public record Created(List<ContributionView> contributions) {
    }
}
