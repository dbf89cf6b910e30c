package cn.bangfu.market.links;

import cn.bangfu.market.common.Violation;
import cn.bangfu.market.common.Years;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters each mechanism takes (income-rules.md §1): exactly these, no
 * more and no fewer. Framework-free.
 */
public final class LinkRules {

    /** Upper bounds that keep every later computation far from overflow. */
    static final long MAX_FEN = 1_000_000_000L;
    /** The largest area, as text for the published document (LinkRequest's annotation needs a constant). */
    static final String MAX_AREA_MU_TEXT = "100000";
    static final BigDecimal MAX_AREA_MU = new BigDecimal(MAX_AREA_MU_TEXT);
    static final int MAX_WEIGHT = 1_000_000;

    static final Map<Mechanism, Set<String>> REQUIRED = Map.of(
            Mechanism.SALES_SHARE, Set.of("weight"),
            Mechanism.DIVIDEND, Set.of("weight"),
            Mechanism.PROCUREMENT, Set.of("productId", "floorPriceFen"),
            Mechanism.WAGE, Set.of("dailyWageFen"),
            Mechanism.LAND_RENT, Set.of("areaMu", "rentPerMuPerYearFen"));
    static final Map<Mechanism, Set<String>> OPTIONAL = Map.of(
            Mechanism.SALES_SHARE, Set.of("productId"));

    private LinkRules() {
    }

    /** Every parameter problem of a request; empty when it is well-formed for its mechanism. */
    public static List<Violation> check(LinkRequest r) {
        List<Violation> violations = new ArrayList<>();
        if (r.mechanism() == null) {
            return violations; // reported by @NotNull
        }
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("weight", r.weight());
        given.put("productId", r.productId());
        given.put("floorPriceFen", r.floorPriceFen());
        given.put("dailyWageFen", r.dailyWageFen());
        given.put("areaMu", r.areaMu());
        given.put("rentPerMuPerYearFen", r.rentPerMuPerYearFen());
        Set<String> required = REQUIRED.get(r.mechanism());
        Set<String> optional = OPTIONAL.getOrDefault(r.mechanism(), Set.of());
        given.forEach((name, value) -> {
            if (value == null && required.contains(name)) {
                violations.add(Violation.of(name, "is required for " + r.mechanism(), r.mechanism() + " 必须填写"));
            } else if (value != null && !required.contains(name) && !optional.contains(name)) {
                violations.add(Violation.of(name, "does not apply to " + r.mechanism(), "不适用于 " + r.mechanism()));
            }
        });
        if (r.weight() != null && (r.weight() < 1 || r.weight() > MAX_WEIGHT)) {
            violations.add(Violation.of("weight", "must be an integer between 1 and " + MAX_WEIGHT,
                    "必须是 1 到 " + MAX_WEIGHT + " 之间的整数"));
        }
        if (r.floorPriceFen() != null && (r.floorPriceFen() < 0 || r.floorPriceFen() > MAX_FEN)) {
            violations.add(Violation.of("floorPriceFen", "must be between 0 and " + MAX_FEN,
                    "必须在 0 到 " + MAX_FEN + " 之间"));
        }
        if (r.dailyWageFen() != null && (r.dailyWageFen() < 1 || r.dailyWageFen() > MAX_FEN)) {
            violations.add(Violation.of("dailyWageFen", "must be between 1 and " + MAX_FEN,
                    "必须在 1 到 " + MAX_FEN + " 之间"));
        }
        if (r.rentPerMuPerYearFen() != null && (r.rentPerMuPerYearFen() < 1 || r.rentPerMuPerYearFen() > MAX_FEN)) {
            violations.add(Violation.of("rentPerMuPerYearFen", "must be between 1 and " + MAX_FEN,
                    "必须在 1 到 " + MAX_FEN + " 之间"));
        }
        if (r.areaMu() != null) {
            BigDecimal area = r.areaMu();
            if (area.signum() <= 0 || area.compareTo(MAX_AREA_MU) > 0) {
                violations.add(Violation.of("areaMu", "must be greater than 0 and at most " + MAX_AREA_MU,
                        "必须大于 0 且不超过 " + MAX_AREA_MU));
            } else if (area.stripTrailingZeros().scale() > 2) {
                violations.add(Violation.of("areaMu", "must have at most 2 decimal places", "最多 2 位小数"));
            }
        }
        checkYear(violations, "validFrom", r.validFrom());
        checkYear(violations, "validTo", r.validTo());
        if (r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            violations.add(Violation.of("validTo", "must not be before validFrom", "不能早于 validFrom"));
        }
        return violations;
    }

    private static void checkYear(List<Violation> violations, String field, LocalDate day) {
        if (day != null && !Years.holds(day)) {
            violations.add(Violation.of(field, "must be in the years " + Years.FIRST + " to " + Years.LAST,
                    "必须在 " + Years.FIRST + " 年至 " + Years.LAST + " 年之间"));
        }
    }

    /** Whether two inclusive date ranges share a day; a null end is open. SQL says it as link_active (V8). */
    public static boolean overlaps(LocalDate from1, LocalDate to1, LocalDate from2, LocalDate to2) {
        boolean firstEndsBeforeSecond = to1 != null && to1.isBefore(from2);
        boolean secondEndsBeforeFirst = to2 != null && to2.isBefore(from1);
        return !firstEndsBeforeSecond && !secondEndsBeforeFirst;
    }

    /** Mechanisms whose links are told apart by product (a SALES_SHARE for one product vs. all products). */
    static final Set<Mechanism> PRODUCT_SCOPED = EnumSet.of(Mechanism.SALES_SHARE, Mechanism.PROCUREMENT);
}
