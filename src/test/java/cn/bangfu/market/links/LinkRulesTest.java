package cn.bangfu.market.links;

import cn.bangfu.market.common.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LinkRulesTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    private static LinkRequest link(Mechanism m, Integer weight, Long product, Long floor, Long wage, String area,
                                    Long rent) {
        return new LinkRequest(1L, 2L, m, FROM, null, weight, product, floor, wage,
                area == null ? null : new BigDecimal(area), rent);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void acceptsExactlyTheNamedParameters() {
        assertThat(LinkRules.check(link(Mechanism.SALES_SHARE, 2, null, null, null, null, null))).isEmpty();
        assertThat(LinkRules.check(link(Mechanism.SALES_SHARE, 2, 7L, null, null, null, null))).isEmpty();
        assertThat(LinkRules.check(link(Mechanism.DIVIDEND, 100, null, null, null, null, null))).isEmpty();
        assertThat(LinkRules.check(link(Mechanism.PROCUREMENT, null, 7L, 0L, null, null, null))).isEmpty();
        assertThat(LinkRules.check(link(Mechanism.WAGE, null, null, null, 15000L, null, null))).isEmpty();
        assertThat(LinkRules.check(link(Mechanism.LAND_RENT, null, null, null, null, "2.35", 80000L))).isEmpty();
    }

    @Test
    void rejectsMissingParameters() {
        assertThat(fields(LinkRules.check(link(Mechanism.SALES_SHARE, null, null, null, null, null, null))))
                .containsExactly("weight");
        assertThat(fields(LinkRules.check(link(Mechanism.PROCUREMENT, null, null, null, null, null, null))))
                .containsExactly("productId", "floorPriceFen");
        assertThat(fields(LinkRules.check(link(Mechanism.LAND_RENT, null, null, null, null, "1", null))))
                .containsExactly("rentPerMuPerYearFen");
    }

    @Test
    void rejectsForeignParameters() {
        assertThat(fields(LinkRules.check(link(Mechanism.DIVIDEND, 1, 7L, null, null, null, null))))
                .containsExactly("productId");
        assertThat(fields(LinkRules.check(link(Mechanism.WAGE, 1, null, null, 100L, null, null))))
                .containsExactly("weight");
        assertThat(fields(LinkRules.check(link(Mechanism.SALES_SHARE, 1, null, 500L, null, null, null))))
                .containsExactly("floorPriceFen");
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThat(fields(LinkRules.check(link(Mechanism.SALES_SHARE, 0, null, null, null, null, null))))
                .containsExactly("weight");
        assertThat(fields(LinkRules.check(link(Mechanism.PROCUREMENT, null, 7L, -1L, null, null, null))))
                .containsExactly("floorPriceFen");
        assertThat(fields(LinkRules.check(link(Mechanism.WAGE, null, null, null, 0L, null, null))))
                .containsExactly("dailyWageFen");
        assertThat(fields(LinkRules.check(link(Mechanism.LAND_RENT, null, null, null, null, "2.355", 1L))))
                .containsExactly("areaMu");
        assertThat(fields(LinkRules.check(link(Mechanism.LAND_RENT, null, null, null, null, "0", 1L))))
                .containsExactly("areaMu");
        assertThat(LinkRules.check(link(Mechanism.LAND_RENT, null, null, null, null, "2.350", 1L))).isEmpty();
        LinkRequest backwards = new LinkRequest(1L, 2L, Mechanism.WAGE, FROM, FROM.minusDays(1), null, null, null,
                100L, null, null);
        assertThat(fields(LinkRules.check(backwards))).containsExactly("validTo");
        LinkRequest ancient = new LinkRequest(1L, 2L, Mechanism.WAGE, LocalDate.of(1999, 12, 31), LocalDate.of(2101, 1, 1),
                null, null, null, 100L, null, null);
        assertThat(fields(LinkRules.check(ancient))).containsExactly("validFrom", "validTo");
    }

    /** Property: the overlap test agrees with enumerating the days of both ranges. */
    @Test
    void overlapAgreesWithDayByDayEnumeration() {
        Random random = new Random(5);
        LocalDate base = LocalDate.of(2026, 1, 1);
        for (int n = 0; n < 5000; n++) {
            LocalDate from1 = base.plusDays(random.nextInt(60));
            LocalDate to1 = random.nextInt(4) == 0 ? null : from1.plusDays(random.nextInt(30));
            LocalDate from2 = base.plusDays(random.nextInt(60));
            LocalDate to2 = random.nextInt(4) == 0 ? null : from2.plusDays(random.nextInt(30));
            boolean shared = false;
            for (LocalDate d = base; d.isBefore(base.plusDays(200)); d = d.plusDays(1)) {
                boolean in1 = !d.isBefore(from1) && (to1 == null || !d.isAfter(to1));
                boolean in2 = !d.isBefore(from2) && (to2 == null || !d.isAfter(to2));
                shared |= in1 && in2;
            }
            assertThat(LinkRules.overlaps(from1, to1, from2, to2)).as("%s..%s vs %s..%s", from1, to1, from2, to2)
                    .isEqualTo(shared);
            assertThat(LinkRules.overlaps(from2, to2, from1, to1)).isEqualTo(shared);
        }
    }
}
