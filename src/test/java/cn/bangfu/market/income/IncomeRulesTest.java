package cn.bangfu.market.income;

import cn.bangfu.market.common.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomeRulesTest {

    @Test
    void halfUpIsTheIntegerFormula() {
        assertThat(Money.halfUp(17970L * 1000, 10000)).isEqualTo(1797);
        assertThat(Money.halfUp(5, 10)).isEqualTo(1); // 0.5 → 1
        assertThat(Money.halfUp(4, 10)).isEqualTo(0);
        assertThat(Money.halfUp(15, 10)).isEqualTo(2);
        assertThat(Money.halfUp(0, 7)).isEqualTo(0);
        assertThatThrownBy(() -> Money.halfUp(-1, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: halfUp(n/d) equals BigDecimal's HALF_UP rounding for random n, d. */
    @Test
    void halfUpAgreesWithBigDecimal() {
        Random random = new Random(9);
        for (int i = 0; i < 20000; i++) {
            long n = Math.abs(random.nextLong() % 1_000_000_000_000L);
            long d = 1 + Math.abs(random.nextLong() % 1_000_000L);
            long expected = BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), 0, RoundingMode.HALF_UP).longValueExact();
            assertThat(Money.halfUp(n, d)).as("%d / %d", n, d).isEqualTo(expected);
        }
    }

    @Test
    void salesSharePool() {
        assertThat(IncomeRules.salesSharePool(17970, 1000)).isEqualTo(1797);
        assertThat(IncomeRules.salesSharePool(17975, 1000)).isEqualTo(1798); // 1797.5 → 1798
        assertThat(IncomeRules.salesSharePool(17970, 0)).isZero();
        assertThat(IncomeRules.salesSharePool(17970, 10000)).isEqualTo(17970);
    }

    @Test
    void procurementScalesQuantityToThousandths() {
        assertThat(IncomeRules.procurement(new BigDecimal("2.345"), 350)).isEqualTo(821); // 820.75
        assertThat(IncomeRules.procurement(new BigDecimal("100"), 350)).isEqualTo(35000);
        assertThat(IncomeRules.procurement(new BigDecimal("0.001"), 499)).isEqualTo(0); // 0.499
        assertThat(IncomeRules.procurement(new BigDecimal("0.001"), 500)).isEqualTo(1); // 0.5
    }

    @Test
    void wageScalesDaysToTenths() {
        assertThat(IncomeRules.wage(new BigDecimal("2.5"), 12000)).isEqualTo(30000);
        assertThat(IncomeRules.wage(new BigDecimal("0.5"), 15001)).isEqualTo(7501); // 7500.5
        assertThat(IncomeRules.wage(new BigDecimal("31"), 100)).isEqualTo(3100);
    }

    @Test
    void landRentByActiveDays() {
        // 2.35 mu × 80,000 fen × 90 days / 365 = 46,356.16…
        assertThat(IncomeRules.landRent(new BigDecimal("2.35"), 80000, 90)).isEqualTo(46356);
        assertThat(IncomeRules.landRent(new BigDecimal("1"), 36500, 365)).isEqualTo(36500);
        assertThat(IncomeRules.landRent(new BigDecimal("1"), 73, 1)).isEqualTo(0); // 0.2
        assertThat(IncomeRules.landRent(new BigDecimal("1"), 1095, 1)).isEqualTo(3);
    }

    @Test
    void activeDaysIsTheIntersection() {
        LocalDate jan1 = LocalDate.of(2026, 1, 1);
        LocalDate mar31 = LocalDate.of(2026, 3, 31);
        assertThat(IncomeRules.activeDays(jan1, mar31, jan1, null)).isEqualTo(90);
        assertThat(IncomeRules.activeDays(jan1, mar31, LocalDate.of(2026, 3, 1), null)).isEqualTo(31);
        assertThat(IncomeRules.activeDays(jan1, mar31, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 10))).isEqualTo(10);
        assertThat(IncomeRules.activeDays(jan1, mar31, LocalDate.of(2026, 4, 1), null)).isZero();
        assertThat(IncomeRules.activeDays(jan1, jan1, jan1, jan1)).isEqualTo(1);
        assertThat(IncomeRules.activeSpan(jan1, mar31, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 10)))
                .isEqualTo(new IncomeRules.DateSpan(jan1, LocalDate.of(2026, 1, 10)));
        assertThat(IncomeRules.activeSpan(jan1, mar31, LocalDate.of(2026, 4, 1), null)).isNull();
    }

    /** Property, over random ranges in one year: the active span holds exactly the days of [from, to] on which the link is valid. */
    @Test
    void activeSpanIsTheDayByDayIntersection() {
        Random random = new Random(13);
        LocalDate jan1 = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 2000; i++) {
            LocalDate from = jan1.plusDays(random.nextInt(365));
            LocalDate to = from.plusDays(random.nextInt(40));
            LocalDate validFrom = jan1.plusDays(random.nextInt(365) - 20);
            LocalDate validTo = random.nextInt(4) == 0 ? null : validFrom.plusDays(random.nextInt(60));
            IncomeRules.DateSpan span = IncomeRules.activeSpan(from, to, validFrom, validTo);
            long active = 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                boolean valid = !d.isBefore(validFrom) && (validTo == null || !d.isAfter(validTo));
                if (valid) {
                    active++;
                    assertThat(span).isNotNull();
                    assertThat(d).isBetween(span.from(), span.to());
                }
            }
            assertThat(span == null ? 0 : span.days()).as("%s..%s, valid %s..%s", from, to, validFrom, validTo)
                    .isEqualTo(active);
        }
    }

    /**
     * Property: the rule on the floored per capita (IncomeRules, and below_monitoring_line since V12)
     * is the exact comparison annual < line × members (V7's) for every household, negatives included.
     */
    @Test
    void atRiskInJavaIsAtRiskInSql() {
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            long annual = random.nextLong(-2_000_000, 50_000_000);
            int members = 1 + random.nextInt(99);
            long line = random.nextLong(0, 1_000_000);
            assertThat(IncomeRules.atRisk(IncomeRules.perCapita(annual, members), line))
                    .as("annual %d, members %d, line %d", annual, members, line)
                    .isEqualTo(annual < line * members);
        }
        assertThat(IncomeRules.atRisk(100, null)).isNull();
    }
}
