package cn.bangfu.market.income;

import cn.bangfu.market.common.Money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The amount rules of income-rules.md §3, in integer fen with exactly one
 * rounding (half up) per amount; decimal inputs are scaled to integers first.
 * Framework-free.
 */
public final class IncomeRules {

    private static final BigInteger BP = BigInteger.valueOf(10_000);

    private IncomeRules() {
    }

    /** Per capita income (人均收入): annual income shared by the members, rounded down to the fen. */
    public static long perCapita(long annualFen, int members) {
        return Math.floorDiv(annualFen, (long) members);
    }

    /**
     * At risk (防返贫监测): per capita income below the monitoring line; null where no line is set.
     * SQL says the same as {@code below_monitoring_line(perCapita, line)} (migration V12).
     */
    public static Boolean atRisk(long perCapitaFen, Long lineFen) {
        return lineFen == null ? null : perCapitaFen < lineFen;
    }

    /**
     * The alert reasons of §5, in integers: below the line; near it (at or above, but
     * {@code pc · 10000 < line · nearLineBp}); a drop ({@code prev > 0} and
     * {@code pc · 10000 < prev · (10000 − dropBp)}). SQL's {@code alert_reasons} says the same.
     */
    public static List<AlertReason> alerts(long perCapitaFen, long previousPerCapitaFen, long lineFen,
                                           int nearLineBp, int dropBp) {
        BigInteger pc = BigInteger.valueOf(perCapitaFen).multiply(BP);
        List<AlertReason> reasons = new ArrayList<>(3);
        if (perCapitaFen < lineFen) {
            reasons.add(AlertReason.BELOW_LINE);
        } else if (pc.compareTo(BigInteger.valueOf(lineFen).multiply(BigInteger.valueOf(nearLineBp))) < 0) {
            reasons.add(AlertReason.NEAR_LINE);
        }
        if (previousPerCapitaFen > 0 && pc.compareTo(BigInteger.valueOf(previousPerCapitaFen)
                .multiply(BigInteger.valueOf(10_000L - dropBp))) < 0) {
            reasons.add(AlertReason.INCOME_DROP);
        }
        return reasons;
    }

    /** SALES_SHARE pool of a delivered line: halfUp(A · shareBp / 10000). */
    public static long salesSharePool(long amountFen, int householdShareBp) {
        return Money.halfUp(Math.multiplyExact(amountFen, (long) householdShareBp), 10_000L);
    }

    /** PROCUREMENT: halfUp(quantity · max(unit price, floor)), quantity in thousandths. */
    public static long procurement(BigDecimal quantity, long pricePaidFen) {
        long thousandths = scaled(quantity, 3);
        return Money.halfUp(Math.multiplyExact(thousandths, pricePaidFen), 1000L);
    }

    /** WAGE: halfUp(days · daily wage), days in tenths. */
    public static long wage(BigDecimal days, long dailyWageFen) {
        long tenths = scaled(days, 1);
        return Money.halfUp(Math.multiplyExact(tenths, dailyWageFen), 10L);
    }

    /** LAND_RENT: halfUp(areaMu · rent per mu per year · days / 365), area in hundredths. */
    public static long landRent(BigDecimal areaMu, long rentPerMuPerYearFen, long days) {
        long hundredths = scaled(areaMu, 2);
        return Money.halfUp(Math.multiplyExact(Math.multiplyExact(hundredths, rentPerMuPerYearFen), days), 100L * 365L);
    }

    /** Days of [from, to] on which a link valid [validFrom, validTo] (open when null) is active; 0 when none. */
    public static long activeDays(LocalDate from, LocalDate to, LocalDate validFrom, LocalDate validTo) {
        DateSpan span = activeSpan(from, to, validFrom, validTo);
        return span == null ? 0 : span.days();
    }

    /**
     * The days of [from, to] on which a link valid [validFrom, validTo] (open when null) is active, or
     * null when none: what a land-rent accrual pays the link for, and so what it may not pay again.
     */
    public static DateSpan activeSpan(LocalDate from, LocalDate to, LocalDate validFrom, LocalDate validTo) {
        LocalDate start = from.isAfter(validFrom) ? from : validFrom;
        LocalDate end = validTo == null || to.isBefore(validTo) ? to : validTo;
        return end.isBefore(start) ? null : new DateSpan(start, end);
    }

    /** Inclusive dates, {@code from <= to}. */
    public record DateSpan(LocalDate from, LocalDate to) {

        public long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    /** The exact integer {@code value · 10^scale}; the value must have at most {@code scale} decimal places. */
    static long scaled(BigDecimal value, int scale) {
        return value.movePointRight(scale).longValueExact();
    }
}
