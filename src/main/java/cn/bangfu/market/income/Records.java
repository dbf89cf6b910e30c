package cn.bangfu.market.income;

import cn.bangfu.market.common.BusinessDate;
import cn.bangfu.market.common.Note;
import cn.bangfu.market.common.SingleLine;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Requests that record income or correct a recording. */
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
            @NotNull @BusinessDate LocalDate date) implements Canonical {

        @Override
        public String canonical() {
            return "PROCUREMENT|" + householdId + "|" + productId + "|" + quantity.stripTrailingZeros().toPlainString()
                    + "|" + unitPriceFen + "|" + date;
        }
    }

    /** 务工: days with at most 1 decimal, at most 31 per record. */
    public record Wage(
            @NotNull Long householdId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("31") @Digits(integer = 2, fraction = 1)
            BigDecimal days,
            @NotNull @BusinessDate LocalDate date) implements Canonical {

        @Override
        public String canonical() {
            return "WAGE|" + householdId + "|" + days.stripTrailingZeros().toPlainString() + "|" + date;
        }
    }

    /** 分红 declaration; {@code assetRef} and {@code assetName} name the assistance-funded asset it comes from. */
    public record Dividend(
            @NotNull @Min(1) @Max(1_000_000_000_000L) Long amountFen,
            @NotNull @BusinessDate LocalDate date,
            @Note(max = 500) String note,
            @Schema(description = "The asset's reference (扶贫项目资产编号), e.g. JN-PV-2021-003")
            @SingleLine(max = 64) String assetRef,
            @Schema(description = "The asset's name, e.g. 村级光伏电站")
            @SingleLine(max = 200) String assetName) implements Canonical {

        @Override
        public String canonical() {
            return "DIVIDEND|" + amountFen + "|" + date + "|" + (note == null ? "" : "note:" + Canonical.text(note))
                    + (assetRef == null ? "" : "|assetRef:" + Canonical.text(assetRef))
                    + (assetName == null ? "" : "|assetName:" + Canonical.text(assetName));
        }
    }

    /** 土地流转租金 accrual over inclusive dates within one calendar year. */
    public record LandRentAccrual(@NotNull @BusinessDate LocalDate from, @NotNull @BusinessDate LocalDate to)
            implements Canonical {

        @Override
        public String canonical() {
            return "LAND_RENT|" + from + "|" + to;
        }
    }

    /** A correction of a recording (income-rules.md §4): why it is reversed. */
    @Schema(name = "ReversalRequest")
    public record Reversal(@NotBlank @Note(max = 500) String reason) {
    }

    /**
     * The text a request is remembered by under its Idempotency-Key: the same body always
     * gives the same text (field order and trailing zeros aside), and each kind its own prefix.
     */
    interface Canonical {
        String canonical();

        /**
         * A free text inside a canonical form: its '|' and backslashes escaped, so that no text can pass for a
         * separator and the next field (a note "x|assetRef:y" is not the note "x" with the asset "y").
         * A text with neither reads as before, so keys remembered before still match their bodies.
         */
        static String text(String free) {
            return free.replace("\\", "\\\\").replace("|", "\\|");
        }
    }
}
