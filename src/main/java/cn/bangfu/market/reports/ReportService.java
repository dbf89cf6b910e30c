package cn.bangfu.market.reports;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.AssessmentRules;
import cn.bangfu.market.common.Money;
import cn.bangfu.market.common.Tallies;
import cn.bangfu.market.common.Years;
import cn.bangfu.market.households.HouseholdCategory;
import cn.bangfu.market.links.Mechanism;
import cn.bangfu.market.regions.Region;
import cn.bangfu.market.regions.RegionScope;
import cn.bangfu.market.regions.RegionService;
import cn.bangfu.market.trade.AgreementYear;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Bureau reports, aggregated in SQL. */
@ApplicationScoped
public class ReportService {

    @Inject
    EntityManager em;

    @Inject
    RegionService regions;

    @Inject
    ObjectMapper json;

    private static final TypeReference<TreeMap<String, Long>> COUNTS = new TypeReference<>() {
    };

    /**
     * Agreements whose buyer or seller region lies inside the bureau's region, optionally of one
     * year; each with {@code previous}, the agreements of year − 1 between the same two regions
     * (东西部协作 pairs renew theirs each year), and the growth of the realized amount.
     */
    public List<AgreementFulfilment> agreements(String bureauRegion, Integer year) {
        if (year != null) {
            Years.check(year);
        }
        String pattern = regions.requireBureauPattern(bureauRegion);
        // parties, realized amounts and the year before are the SQL rules the agreement list and
        // progress read too (V21, V34)
        List<Tuple> rows = em.createNativeQuery("""
                select a.id, a.title, a.buyer_region_code, br.name as buyer_region_name, a.seller_region_code,
                       sr.name as seller_region_name, a.year, a.target_fen, f.realized_fen, f.recognized_fen, f.orders,
                       %s
                from agreement a
                join region br on br.code = a.buyer_region_code
                join region sr on sr.code = a.seller_region_code
                cross join lateral agreement_realized(a.id) f
                cross join lateral agreement_previous(a.id) p
                where agreement_party_in(a.seller_region_code, a.buyer_region_code, :pattern)
                  and (cast(:year as integer) is null or a.year = :year)
                order by a.year, a.id""".formatted(AgreementYear.PREVIOUS_COLUMNS), Tuple.class)
                .setParameter("pattern", pattern).setParameter("year", year).getResultList();
        List<AgreementFulfilment> result = new ArrayList<>();
        for (Tuple r : rows) {
            int agreementYear = r.get("year", Integer.class);
            long target = r.get("target_fen", Long.class);
            long realized = r.get("realized_fen", Long.class);
            AgreementYear previous = AgreementYear.before(agreementYear, r);
            result.add(new AgreementFulfilment(r.get("id", Long.class), r.get("title", String.class),
                    r.get("buyer_region_code", String.class), r.get("buyer_region_name", String.class),
                    r.get("seller_region_code", String.class), r.get("seller_region_name", String.class),
                    agreementYear, target, realized, Money.basisPoints(realized, target), r.get("orders", Long.class),
                    r.get("recognized_fen", Long.class), AssessmentRules.growthBp(realized, previous.realizedFen()),
                    previous));
        }
        return result;
    }

    /**
     * Figures of a region (inside the bureau's) and of each of its child regions, for a year and,
     * as {@code previous}, for the year before, with the growth of sales between them.
     */
    public RegionReport regions(String bureauRegion, String regionCode, int year) {
        Years.check(year);
        // the national root: the whole country, its provinces as children
        RegionScope region = regions.requireScope(bureauRegion, regionCode);
        // the child's code is the next component of the path: '/620000/620800/620826/<child>/…'
        int childComponent = (int) region.path().chars().filter(c -> c == '/').count() + 1;
        int previousYear = year - 1;
        LocalDate first = LocalDate.of(previousYear, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        // From the villages' kept figures (V23), by child and year (both years in one pass): the
        // roster count, the linked households of each year (the sum of the village's changes up to
        // it), and the year's sums of household_year, each row in its household's current village.
        // O(villages of the region), whatever their households: at 1,000,000 households the county
        // report took 1.2 s when it grouped the households themselves (growth.sh). A household with
        // no figures for a year has a per capita of 0, which is at risk wherever there is a positive line.
        List<Tuple> households = em.createNativeQuery("""
                with villages as (
                    select v.code, v.path, v.province_code, r.households
                    from village_households r join region v on v.code = r.village_code
                    where v.path like :pattern and r.households > 0),
                linked as (
                    select c.village_code, coalesce(sum(c.delta) filter (where c.year <= :year), 0) as linked,
                           coalesce(sum(c.delta) filter (where c.year <= :previousYear), 0) as linked_previous
                    from village_linked_change c join villages v on v.code = c.village_code
                    group by c.village_code)
                select split_part(v.path, '/', :component) as child, yr.year, sum(v.households)::bigint as households,
                       sum(case when yr.year = :year then coalesce(k.linked, 0)
                                else coalesce(k.linked_previous, 0) end)::bigint as linked,
                       sum(coalesce(f.at_risk, 0) + case when below_monitoring_line(0, ml.per_capita_fen)
                                                         then v.households - coalesce(f.households, 0)
                                                         else 0 end)::bigint as at_risk,
                       bool_or(ml.per_capita_fen is not null) as has_line,
                       coalesce(sum(f.contributions_fen), 0)::bigint as contributions,
                       coalesce(sum(f.other_fen), 0)::bigint as other
                from villages v
                cross join (values (cast(:year as integer)), (cast(:previousYear as integer))) yr (year)
                left join village_year f on f.village_code = v.code and f.year = yr.year
                left join linked k on k.village_code = v.code
                left join monitoring_line ml on ml.province_code = v.province_code and ml.year = yr.year
                group by 1, 2""", Tuple.class)
                .setParameter("component", childComponent).setParameter("year", year)
                .setParameter("previousYear", previousYear)
                .setParameter("pattern", region.pattern()).getResultList();
        List<Tuple> sales = em.createNativeQuery("""
                select split_part(cr.path, '/', :component) as child, extract(year from m.business_date)::integer as year,
                       coalesce(sum(m.signed_fen), 0)::bigint as sales_fen
                from sale_movement m
                join cooperative c on c.id = m.cooperative_id
                join region cr on cr.code = c.region_code
                where m.business_date between :first and :last and cr.path like :pattern
                group by 1, 2""", Tuple.class)
                .setParameter("component", childComponent).setParameter("first", first).setParameter("last", last)
                .setParameter("pattern", region.pattern()).getResultList();
        Map<Integer, Map<String, HouseholdCounts>> householdsByYear = Map.of(year, new HashMap<>(),
                previousYear, new HashMap<>());
        households.forEach(r -> householdsByYear.get(r.get("year", Integer.class))
                .put(r.get("child", String.class), HouseholdCounts.of(r)));
        Map<Integer, Map<String, Long>> salesByYear = Map.of(year, new HashMap<>(), previousYear, new HashMap<>());
        sales.forEach(r -> salesByYear.get(r.get("year", Integer.class))
                .put(r.get("child", String.class), r.get("sales_fen", Long.class)));
        List<RegionFigures> children = new ArrayList<>();
        List<Region> childRegions = region == RegionScope.NATIONAL ? Region.list("parentCode is null order by code")
                : Region.list("parentCode = ?1 order by code", region.code());
        for (Region child : childRegions) {
            children.add(withPrevious(RegionScope.of(child), year, householdsByYear, salesByYear,
                    counts -> counts.getOrDefault(child.code, HouseholdCounts.NONE),
                    amounts -> amounts.getOrDefault(child.code, 0L)));
        }
        // The total also counts what sits at the region's own level (a county's cooperatives, say).
        RegionFigures total = withPrevious(region, year, householdsByYear, salesByYear,
                counts -> counts.values().stream().reduce(HouseholdCounts.NONE, HouseholdCounts::plus),
                amounts -> amounts.values().stream().mapToLong(Long::longValue).sum());
        return new RegionReport(year, total, children, total.growthBp(), total.previous());
    }

    /** A region's figures of the year, with those of the year before as {@code previous}; each picked by child. */
    private static RegionFigures withPrevious(RegionScope region, int year,
                                              Map<Integer, Map<String, HouseholdCounts>> householdsByYear,
                                              Map<Integer, Map<String, Long>> salesByYear,
                                              Function<Map<String, HouseholdCounts>, HouseholdCounts> counts,
                                              Function<Map<String, Long>, Long> sales) {
        RegionFigures previous = figures(region, counts.apply(householdsByYear.get(year - 1)),
                sales.apply(salesByYear.get(year - 1)), null);
        return figures(region, counts.apply(householdsByYear.get(year)), sales.apply(salesByYear.get(year)),
                previous);
    }

    /**
     * The 联农带农 assessment of every business entity registered in a region (its subtree) for a
     * year, by id; or of one entity ({@code onlyCooperative}). The SQL function
     * cooperative_assessment (V18, V20, V33), which the export reads too, aggregates the entities' kept
     * year figures (cooperative_household_year) and sales;
     * each entity's figures reconcile with /contributions to the fen.
     */
    public List<CooperativeAssessment> cooperatives(String bureauRegion, String regionCode, int year) {
        Years.check(year); // before the region, which may be one that names nothing (an empty page)
        String pattern = regions.readablePattern(bureauRegion, regionCode).orElse(null);
        return pattern == null ? List.of() : assess(pattern, null, year);
    }

    /** One entity's assessment (its access was checked by the caller). */
    public CooperativeAssessment cooperative(long cooperativeId, int year) {
        return assess("/%", cooperativeId, year).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("cooperative", cooperativeId));
    }

    private List<CooperativeAssessment> assess(String regionPattern, Long onlyCooperative, int year) {
        Years.check(year);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select cooperative_id, name, kind, region_code, sales_fen, household_income_fen,
                       by_mechanism::text as by_mechanism, linked_households, paid_households,
                       paid_by_category::text as paid_by_category
                from cooperative_assessment(:pattern, :only, :year)""", Tuple.class)
                .setParameter("pattern", regionPattern).setParameter("only", onlyCooperative)
                .setParameter("year", year).getResultList();
        return rows.stream().map(r -> {
            long sales = r.get("sales_fen", Long.class);
            long income = r.get("household_income_fen", Long.class);
            return new CooperativeAssessment(r.get("cooperative_id", Long.class), r.get("name", String.class),
                    r.get("kind", String.class), r.get("region_code", String.class), sales, income,
                    Tallies.forEvery(Mechanism.values(), counts(r.get("by_mechanism", String.class))),
                    r.get("linked_households", Long.class), r.get("paid_households", Long.class),
                    Tallies.forEvery(HouseholdCategory.values(), counts(r.get("paid_by_category", String.class))),
                    AssessmentRules.returnedBp(income, sales));
        }).toList();
    }

    /** A JSON object of whole numbers (as cooperative_assessment aggregates them), keys in order. */
    private Map<String, Long> counts(String object) {
        try {
            return json.readValue(object, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cooperative_assessment gave " + object, e);
        }
    }

    /** Household figures of one region; {@code hasLine} tells whether at-risk counting was possible. */
    private record HouseholdCounts(long households, long linked, long atRisk, boolean hasLine, long contributions,
                                   long other) {

        static final HouseholdCounts NONE = new HouseholdCounts(0, 0, 0, false, 0, 0);

        static HouseholdCounts of(Tuple r) {
            return new HouseholdCounts(r.get("households", Long.class), r.get("linked", Long.class),
                    r.get("at_risk", Long.class), Boolean.TRUE.equals(r.get("has_line", Boolean.class)),
                    r.get("contributions", Long.class), r.get("other", Long.class));
        }

        HouseholdCounts plus(HouseholdCounts o) {
            return new HouseholdCounts(households + o.households, linked + o.linked, atRisk + o.atRisk,
                    hasLine || o.hasLine, contributions + o.contributions, other + o.other);
        }
    }

    private static RegionFigures figures(RegionScope region, HouseholdCounts c, long salesFen,
                                         RegionFigures previous) {
        return new RegionFigures(region.code(), region.name(), region.level(), c.households(), c.linked(),
                c.hasLine() ? c.atRisk() : null, salesFen, c.contributions(), c.other(),
                c.contributions() + c.other(),
                previous == null ? null : AssessmentRules.growthBp(salesFen, previous.salesFen()), previous);
    }
}
