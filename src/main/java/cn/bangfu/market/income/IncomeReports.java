package cn.bangfu.market.income;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.HqlFilter;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.common.Tallies;
import cn.bangfu.market.common.Years;
import cn.bangfu.market.households.Household;
import cn.bangfu.market.households.HouseholdCategory;
import cn.bangfu.market.households.HouseholdService;
import cn.bangfu.market.households.IdNumbers;
import cn.bangfu.market.links.Mechanism;
import cn.bangfu.market.regions.Region;
import cn.bangfu.market.regions.RegionLevel;
import cn.bangfu.market.regions.RegionService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Household income, monitoring lines, the ledger and the at-risk list — all aggregated in SQL. */
@ApplicationScoped
public class IncomeReports {

    @Inject
    EntityManager em;

    @Inject
    RegionService regions;

    @Inject
    HouseholdService households;

    public HouseholdIncome householdIncome(long householdId, int year, String bureauRegion) {
        Years.check(year);
        Household household = households.requireReadable(householdId, bureauRegion);
        Map<String, Long> byMechanism = Tallies.forEvery(Mechanism.values(), em.createQuery(
                        "select c.mechanism, sum(c.amountFen) from Contribution c where c.householdId = :h "
                        + "and c.date between :from and :to group by c.mechanism", MechanismTotal.class)
                .setParameter("h", householdId).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 31))
                .getResultStream().collect(Collectors.toMap(t -> t.mechanism().name(), MechanismTotal::amountFen)));
        long contributions = byMechanism.values().stream().mapToLong(Long::longValue).reduce(0L, Math::addExact);
        long other = otherIncome(householdId, year);
        long annual = Math.addExact(contributions, other);
        int members = households.stateOn(householdId, LocalDate.of(year, 12, 31)).members();
        long perCapita = IncomeRules.perCapita(annual, members);
        Long line = lineFor(household.villageCode, year);
        return new HouseholdIncome(householdId, household.code, year, contributions, byMechanism, other, annual,
                members, perCapita, line, IncomeRules.atRisk(perCapita, line));
    }

    @Transactional
    public MonitoringLine.View setMonitoringLine(String provinceCode, int year, MonitoringLine.Request request,
                                                 String bureauRegion) {
        Years.check(year);
        Region province = regions.require(provinceCode);
        // Scope before level: a 422 naming another region's level would describe it to an outsider.
        regions.requireGoverned(bureauRegion, provinceCode);
        if (province.level != RegionLevel.PROVINCE) {
            throw ApiProblem.unprocessable("provinceCode", "region " + provinceCode + " is a " + province.level
                    + ", not a PROVINCE", "区域 " + provinceCode + " 的级别是 " + province.level + "，不是 PROVINCE");
        }
        // Absent early-warning settings are the defaults (a PUT states the whole line).
        int nearLineBp = request.nearLineBp() != null ? request.nearLineBp() : MonitoringLine.DEFAULT_NEAR_LINE_BP;
        int dropBp = request.dropBp() != null ? request.dropBp() : MonitoringLine.DEFAULT_DROP_BP;
        em.createNativeQuery("""
                        insert into monitoring_line (province_code, year, per_capita_fen, near_line_bp, drop_bp, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, now()) on conflict (province_code, year)
                        do update set per_capita_fen = excluded.per_capita_fen, near_line_bp = excluded.near_line_bp,
                                      drop_bp = excluded.drop_bp, updated_at = now()""")
                .setParameter(1, provinceCode).setParameter(2, year).setParameter(3, request.perCapitaFen())
                .setParameter(4, nearLineBp).setParameter(5, dropBp).executeUpdate();
        return new MonitoringLine.View(provinceCode, year, request.perCapitaFen(), nearLineBp, dropBp);
    }

    /** The ledger, filtered, inside the bureau's region; oldest first. */
    public Page<ContributionView> contributions(String bureauRegion, Long householdId, Long cooperativeId,
                                                String regionCode, LocalDate from, LocalDate to, PageRequest page) {
        Years.check("from", from); // PostgreSQL refuses a day such as -10000-01-01 (out of range)
        Years.check("to", to);
        String pattern = regions.readablePattern(bureauRegion, regionCode).orElse(null);
        if (pattern == null) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        return HqlFilter.of("from Contribution c join Household h on h.id = c.householdId where " + Household.IN_REGION)
                .bind("pattern", pattern)
                .and("c.householdId = :household", "household", householdId)
                .and("c.cooperativeId = :cooperative", "cooperative", cooperativeId)
                .and("c.date >= :from", "from", from)
                .and("c.date <= :to", "to", to)
                .page(em, "select c, h.code", "c", "c.date, c.id", ContributionRow.class, page)
                .map(r -> ContributionView.of(r.contribution(), r.householdCode()));
    }

    /** A household's income from one mechanism in a year. */
    @RegisterForReflection // built by Hibernate from the query's selection
    record MechanismTotal(Mechanism mechanism, Long amountFen) {
    }

    /** A contribution with its household's code, as listed. */
    @RegisterForReflection // built by Hibernate from the query's selection
    record ContributionRow(Contribution contribution, String householdCode) {
    }

    /**
     * Households of a region whose per-capita income for the year is below their province's line;
     * by village (its place in the region tree), then household code.
     */
    public Page<AtRiskHousehold> atRisk(String bureauRegion, String regionCode, int year, PageRequest page) {
        Years.check(year);
        String pattern = regions.readablePattern(bureauRegion, regionCode).orElse(null);
        if (pattern == null) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        // The kept year figures flagged at risk (household_year, V12, V23), along their index in
        // list order: only the page's rows (and those it skips) are read, and its households with them.
        List<Tuple> rows = em.createNativeQuery("""
                select p.*, h.head_name, h.id_number from (
                    select y.household_id as id, y.household_code as code, y.village_code, y.region_path as path,
                           y.members, y.category, y.contributions_fen as contributions, y.other_fen as other,
                           y.per_capita_fen as per_capita, ml.per_capita_fen as line
                    from household_year y
                    join monitoring_line ml on ml.province_code = y.province_code and ml.year = y.year
                    where y.year = :year and y.at_risk and y.region_path collate "C" like :pattern
                    order by y.region_path collate "C", y.household_code collate "C"
                    limit :limit offset :offset) p
                join household h on h.id = p.id
                order by p.path collate "C", p.code collate "C"
                """, Tuple.class)
                .setParameter("year", year).setParameter("pattern", pattern)
                .setParameter("limit", page.size()).setParameter("offset", page.offset()).getResultList();
        return Page.of(rows, page, villageSum("at_risk", pattern, year), r -> {
            long contributions = r.get("contributions", Long.class);
            long other = r.get("other", Long.class);
            long annual = Math.addExact(contributions, other);
            int members = r.get("members", Integer.class);
            long perCapita = r.get("per_capita", Long.class);
            long line = r.get("line", Long.class);
            String code = r.get("code", String.class);
            return new AtRiskHousehold(r.get("id", Long.class), code, code, r.get("head_name", String.class),
                    IdNumbers.mask(r.get("id_number", String.class)),
                    r.get("village_code", String.class), members,
                    HouseholdCategory.valueOf(r.get("category", String.class)),
                    contributions, other, annual, perCapita, line, line - perCapita);
        });
    }

    /**
     * The order of the early-warning list and its export (api.md: "paged, by household code"), over
     * {@code household_alerts}' columns. Within a village every row has the same path, so there the
     * same order is said as V23's index holds it (path, then code), and a page reads its rows along
     * it rather than sorting the village's alerts (20 ms against 1 ms for a village of 700 alerted
     * households, whose rows lie apart); elsewhere V30's index of a year's alerts by code serves it.
     */
    public static String alertOrder(Region region) {
        return (region.level == RegionLevel.VILLAGE ? "region_path collate \"C\", " : "") + "household_code collate \"C\"";
    }

    /**
     * The early-warning list of a year (income-rules.md §5) for a province or a region below it,
     * inside the bureau's region, by household code. 422 when the province has no line for the year.
     */
    public Page<AlertHousehold> alerts(String bureauRegion, String regionCode, int year, PageRequest page) {
        Years.check(year);
        Region region = regions.requireWithinProvince(bureauRegion, regionCode);
        requireLine(region, year);
        String pattern = region.path + "%";
        List<Tuple> rows = em.createNativeQuery("""
                        select a.household_id, a.household_code, a.village_code, a.members, a.per_capita_fen,
                               a.previous_per_capita_fen, a.line_fen, a.reasons
                        from household_alerts(?1, ?2) a""" + " order by " + alertOrder(region) + " limit ?3 offset ?4",
                        Tuple.class)
                .setParameter(1, pattern).setParameter(2, year)
                .setParameter(3, page.size()).setParameter(4, page.offset()).getResultList();
        return Page.of(rows, page, villageSum("alerted", pattern, year), r -> new AlertHousehold(
                r.get("household_id", Long.class), r.get("household_code", String.class),
                r.get("village_code", String.class), r.get("members", Integer.class),
                r.get("per_capita_fen", Long.class), r.get("previous_per_capita_fen", Long.class),
                r.get("line_fen", Long.class), reasons(r.get("reasons"))));
    }

    /**
     * A list's total, the sum of a count the villages of the subtree keep per year (village_year,
     * V23): O(villages), where counting the households listed was O(households).
     */
    private long villageSum(String count, String pattern, int year) {
        return ((Number) em.createNativeQuery("select coalesce(sum(" + count + "), 0) from village_year "
                        + "where year = ?1 and region_path like ?2")
                .setParameter(1, year).setParameter(2, pattern).getSingleResult()).longValue();
    }

    /** 422 when the province of the region has no monitoring line for the year: alerts need one. */
    public void requireLine(Region region, int year) {
        if (lineFor(region.code, year) == null) {
            throw ApiProblem.unprocessable("year", "no monitoring line is set for " + year
                    + " in the province of region " + region.code,
                    "区域 " + region.code + " 所在的省尚未设定 " + year + " 年的监测线");
        }
    }

    /** The reasons column (varchar[]) as the driver hands it over. */
    public static List<AlertReason> reasons(Object array) {
        Object[] values = array instanceof java.sql.Array sql ? toArray(sql) : (Object[]) array;
        return java.util.Arrays.stream(values).map(v -> AlertReason.valueOf(v.toString())).toList();
    }

    private static Object[] toArray(java.sql.Array array) {
        try {
            return (Object[]) array.getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long otherIncome(long householdId, int year) {
        List<?> rows = em.createNativeQuery("select amount_fen from household_other_income "
                        + "where household_id = ?1 and year = ?2")
                .setParameter(1, householdId).setParameter(2, year).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** The line of the province containing the village, or null when none is configured. */
    private Long lineFor(String villageCode, int year) {
        List<?> rows = em.createNativeQuery("select ml.per_capita_fen from region v join monitoring_line ml "
                        + "on ml.province_code = v.province_code and ml.year = ?2 where v.code = ?1")
                .setParameter(1, villageCode).setParameter(2, year).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

}
