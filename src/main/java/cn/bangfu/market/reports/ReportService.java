package cn.bangfu.market.reports;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Money;
import cn.bangfu.market.common.Years;
import cn.bangfu.market.regions.Region;
import cn.bangfu.market.regions.RegionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bureau reports, aggregated in SQL. */
@ApplicationScoped
public class ReportService {

    @Inject
    EntityManager em;

    @Inject
    RegionService regions;

    /** Agreements whose buyer or seller region lies inside the bureau's region, optionally of one year. */
    public List<AgreementFulfilment> agreements(String bureauRegion, Integer year) {
        if (year != null) {
            Years.check(year);
        }
        String pattern = regions.subtreePattern(bureauRegion)
                .orElseThrow(() -> ApiProblem.forbidden("your region " + bureauRegion + " is not registered"));
        Query query = em.createNativeQuery("""
                select a.id, a.title, a.buyer_region_code, br.name, a.seller_region_code, sr.name, a.year, a.target_fen,
                       coalesce(sum(m.signed_fen), 0), count(distinct m.order_id)
                from agreement a
                join region br on br.code = a.buyer_region_code
                join region sr on sr.code = a.seller_region_code
                left join sale_movement m on m.agreement_id = a.id
                where (sr.path like :pattern or br.path like :pattern) and (cast(:year as integer) is null or a.year = :year)
                group by a.id, br.name, sr.name
                order by a.year, a.id""")
                .setParameter("pattern", pattern).setParameter("year", year);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> {
            long target = ((Number) r[7]).longValue();
            long realized = ((Number) r[8]).longValue();
            return new AgreementFulfilment(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], ((Number) r[6]).intValue(), target, realized,
                    Money.basisPoints(realized, target), ((Number) r[9]).longValue());
        }).toList();
    }

    /** Figures of a region (inside the bureau's) and of each of its child regions, for a year. */
    public RegionReport regions(String bureauRegion, String regionCode, int year) {
        Years.check(year);
        String code = regionCode == null || regionCode.isBlank() ? bureauRegion : regionCode.trim();
        Region region = regions.require(code);
        regions.requireGoverned(bureauRegion, region.code);
        // the child's code is the next component of the path: '/620000/620800/620826/<child>/…'
        int childComponent = region.path.split("/").length + 1;
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Query households = em.createNativeQuery("""
                with income as (
                    select split_part(v.path, '/', :component) as child, h.members,
                           coalesce((select sum(y.amount_fen) from household_year_income y
                                     where y.household_id = h.id and y.year = :year), 0) as contributions,
                           coalesce(o.amount_fen, 0) as other,
                           ml.per_capita_fen as line,
                           exists (select 1 from benefit_link l where l.household_id = h.id
                                   and link_active(l.valid_from, l.valid_to, :first, :last)) as linked
                    from household h
                    join region v on v.code = h.village_code
                    left join household_other_income o on o.household_id = h.id and o.year = :year
                    left join monitoring_line ml on ml.province_code = v.province_code and ml.year = :year
                    where v.path like :pattern)
                select child, count(*), count(*) filter (where linked),
                       count(*) filter (where below_monitoring_line(contributions + other, members, line)),
                       bool_or(line is not null), coalesce(sum(contributions), 0), coalesce(sum(other), 0)
                from income group by child""")
                .setParameter("component", childComponent).setParameter("year", year)
                .setParameter("first", first).setParameter("last", last).setParameter("pattern", region.path + "%");
        Query sales = em.createNativeQuery("""
                select split_part(cr.path, '/', :component), coalesce(sum(m.signed_fen), 0)
                from sale_movement m
                join cooperative c on c.id = m.cooperative_id
                join region cr on cr.code = c.region_code
                where m.business_date between :first and :last and cr.path like :pattern
                group by 1""")
                .setParameter("component", childComponent).setParameter("first", first).setParameter("last", last)
                .setParameter("pattern", region.path + "%");
        Map<String, HouseholdCounts> householdsByChild = new HashMap<>();
        for (Object row : households.getResultList()) {
            Object[] r = (Object[]) row;
            householdsByChild.put((String) r[0], HouseholdCounts.of(r));
        }
        Map<String, Long> salesByChild = new HashMap<>();
        for (Object row : sales.getResultList()) {
            Object[] r = (Object[]) row;
            salesByChild.put((String) r[0], ((Number) r[1]).longValue());
        }
        List<RegionFigures> children = new ArrayList<>();
        for (Region child : Region.<Region>list("parentCode = ?1 order by code", region.code)) {
            children.add(figures(child.code, child.name, child.level.name(),
                    householdsByChild.getOrDefault(child.code, HouseholdCounts.NONE),
                    salesByChild.getOrDefault(child.code, 0L)));
        }
        // The total also counts what sits at the region's own level (a county's cooperatives, say).
        HouseholdCounts total = householdsByChild.values().stream().reduce(HouseholdCounts.NONE, HouseholdCounts::plus);
        long totalSales = salesByChild.values().stream().mapToLong(Long::longValue).sum();
        return new RegionReport(year, figures(region.code, region.name, region.level.name(), total, totalSales),
                children);
    }

    /** Household figures of one region; {@code hasLine} tells whether at-risk counting was possible. */
    private record HouseholdCounts(long households, long linked, long atRisk, boolean hasLine, long contributions,
                                   long other) {

        static final HouseholdCounts NONE = new HouseholdCounts(0, 0, 0, false, 0, 0);

        /** From a row: child, households, linked, at risk, has line, contributions, other income. */
        static HouseholdCounts of(Object[] r) {
            return new HouseholdCounts(((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), Boolean.TRUE.equals(r[4]), ((Number) r[5]).longValue(),
                    ((Number) r[6]).longValue());
        }

        HouseholdCounts plus(HouseholdCounts o) {
            return new HouseholdCounts(households + o.households, linked + o.linked, atRisk + o.atRisk,
                    hasLine || o.hasLine, contributions + o.contributions, other + o.other);
        }
    }

    private static RegionFigures figures(String code, String name, String level, HouseholdCounts c, long salesFen) {
        return new RegionFigures(code, name, level, c.households(), c.linked(), c.hasLine() ? c.atRisk() : null,
                salesFen, c.contributions(), c.other(), c.contributions() + c.other());
    }
}
