package cn.bangfu.market.links;

import cn.bangfu.market.common.Violation;
import cn.bangfu.market.support.CommittedDocument;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

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

    /**
     * The bounds the published document states for a link's parameters are LinkRules' own: each bound is
     * taken and the next value beyond it refused.
     */
    @Test
    void theDocumentedBoundsAreTheRules() {
        JsonNode properties = CommittedDocument.schemas().path("LinkRequest").path("properties");
        assertThat(properties.at("/weight/maximum").asInt()).isEqualTo(LinkRules.MAX_WEIGHT);
        bounded(properties, "weight", w -> link(Mechanism.DIVIDEND, (int) w, null, null, null, null, null));
        bounded(properties, "floorPriceFen", f -> link(Mechanism.PROCUREMENT, null, 7L, f, null, null, null));
        bounded(properties, "dailyWageFen", w -> link(Mechanism.WAGE, null, null, null, w, null, null));
        bounded(properties, "rentPerMuPerYearFen", r -> link(Mechanism.LAND_RENT, null, null, null, null, "1", r));
        BigDecimal step = properties.at("/areaMu/multipleOf").decimalValue();
        BigDecimal largest = properties.at("/areaMu/maximum").decimalValue();
        assertThat(properties.at("/areaMu/exclusiveMinimum").asInt()).isZero();
        for (BigDecimal area : List.of(step, largest)) {
            assertThat(LinkRules.check(link(Mechanism.LAND_RENT, null, null, null, null, area.toPlainString(), 1L)))
                    .as("%s", area).isEmpty();
        }
        for (BigDecimal area : List.of(BigDecimal.ZERO, largest.add(step), step.divide(BigDecimal.TEN))) {
            assertThat(fields(LinkRules.check(link(Mechanism.LAND_RENT, null, null, null, null, area.toPlainString(),
                    1L)))).as("%s", area).containsExactly("areaMu");
        }
    }

    /** The document names each mechanism's parameters as LinkRules requires them. */
    @Test
    void theDocumentNamesEachMechanismsParameters() {
        String description = CommittedDocument.schemas().path("LinkRequest").path("description").asText();
        for (Mechanism mechanism : Mechanism.values()) {
            String required = String.join(", ", new java.util.TreeSet<>(LinkRules.REQUIRED.get(mechanism)));
            String optional = String.join(", ", LinkRules.OPTIONAL.getOrDefault(mechanism, Set.of()));
            String entry = mechanism + " " + required + (optional.isEmpty() ? "" : " (" + optional + " optional");
            assertThat(description).as(mechanism.toString()).containsPattern(Pattern.quote(entry) + "(;|:|$)");
        }
    }

    /** The field's documented minimum and maximum are taken, one below and one above refused, naming it. */
    private static void bounded(JsonNode properties, String field, LongFunction<LinkRequest> linkWith) {
        long minimum = properties.path(field).path("minimum").asLong(Long.MIN_VALUE);
        long maximum = properties.path(field).path("maximum").asLong(Long.MIN_VALUE);
        assertThat(List.of(minimum, maximum)).as(field + " states both bounds").doesNotContain(Long.MIN_VALUE);
        assertThat(LinkRules.check(linkWith.apply(minimum))).as(field).isEmpty();
        assertThat(LinkRules.check(linkWith.apply(maximum))).as(field).isEmpty();
        assertThat(fields(LinkRules.check(linkWith.apply(minimum - 1)))).as(field).containsExactly(field);
        assertThat(fields(LinkRules.check(linkWith.apply(maximum + 1)))).as(field).containsExactly(field);
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
