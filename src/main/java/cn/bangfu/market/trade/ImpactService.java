package cn.bangfu.market.trade;

import cn.bangfu.market.common.Tallies;
import cn.bangfu.market.common.Years;
import cn.bangfu.market.links.Mechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The impact of purchases on households, said once: the ledger rows (any mechanism) whose source
 * is one of the purchases' order lines, SALES_SHARE at delivery and its reversals at return.
 */
@ApplicationScoped
public class ImpactService {

    @Inject
    EntityManager em;

    /** The impact of some lines of one order (those its viewer sees). */
    public Impact ofLines(Collection<Long> lineIds) {
        if (lineIds.isEmpty()) {
            return new Impact(0, 0, Tallies.forEvery(Mechanism.values(), Map.of()), List.of());
        }
        return impact("select l.id from order_line l where l.id in (:lines)", Map.of("lines", List.copyOf(lineIds)),
                LocalDate.of(Years.FIRST, 1, 1), LocalDate.of(Years.LAST, 12, 31));
    }

    /**
     * The impact in a year of a buyer's orders and its children's (a trade union's purchases count
     * toward its budget unit, as in the reserve report): ledger rows dated in the year.
     */
    public Impact ofBuyer(long buyerId, int year) {
        Years.check(year);
        return impact("""
                select l.id from order_line l join consumption_order o on o.id = l.order_id
                where o.buyer_id in (select cast(:buyer as bigint) union all select id from buyer where parent_buyer_id = :buyer)""",
                Map.of("buyer", buyerId), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private Impact impact(String lines, Map<String, Object> parameters, LocalDate first, LocalDate last) {
        var query = em.createNativeQuery("""
                with by_household as (
                    select t.household_id, t.mechanism, sum(t.amount_fen)::bigint as fen
                    from contribution t
                    where t.source_type = 'ORDER_LINE' and t.source_id in (%s) and t.date between :first and :last
                    group by 1, 2),
                net as (select household_id, sum(fen)::bigint as fen from by_household group by 1)
                select 'MECHANISM' as kind, mechanism as code, null as name, 0::bigint as households,
                       sum(fen)::bigint as fen
                from by_household group by mechanism
                union all
                select 'VILLAGE', h.village_code, v.name, count(*) filter (where n.fen > 0), sum(n.fen)::bigint
                from net n join household h on h.id = n.household_id join region v on v.code = h.village_code
                group by h.village_code, v.name
                -- a village whose share all went back with returns is no longer reached
                having count(*) filter (where n.fen > 0) > 0 or sum(n.fen) <> 0
                order by 1, 5 desc, 2""".formatted(lines), Tuple.class)
                .setParameter("first", first).setParameter("last", last);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        Map<String, Long> byMechanism = new HashMap<>();
        List<Impact.VillageImpact> byVillage = new ArrayList<>();
        long households = 0;
        long income = 0;
        for (Tuple row : rows) {
            String code = row.get("code", String.class);
            long fen = row.get("fen", Long.class);
            if ("MECHANISM".equals(row.get("kind", String.class))) {
                byMechanism.put(code, fen);
            } else {
                long reached = row.get("households", Long.class);
                byVillage.add(new Impact.VillageImpact(code, row.get("name", String.class), reached, fen));
                households += reached;
                income += fen;
            }
        }
        return new Impact(households, income, Tallies.forEvery(Mechanism.values(), byMechanism), byVillage);
    }
}
