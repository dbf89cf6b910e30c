package cn.bangfu.market.income;

import cn.bangfu.market.catalogue.Product;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Violation;
import cn.bangfu.market.cooperatives.Cooperative;
import cn.bangfu.market.households.Household;
import cn.bangfu.market.links.BenefitLink;
import cn.bangfu.market.links.Mechanism;
import cn.bangfu.market.trade.OrderEvents;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Records income contributions (income-rules.md §3–4) into the append-only ledger,
 * in the same transaction as the business action that earns them.
 */
@ApplicationScoped
public class IncomeService {

    @Inject
    EntityManager em;

    /** A link active on the day of an event, with its household's code (the split's tie-break). */
    @RegisterForReflection // built by Hibernate from the query's selection
    record ActiveLink(BenefitLink link, String householdCode) {
    }

    /** The household share of a product's sales, read at delivery. */
    @RegisterForReflection // built by Hibernate from the query's selection
    record ProductShare(Long productId, Integer householdShareBp) {
    }

    // ---- SALES_SHARE: hooked to order delivery and return ------------------------------------

    /** Splits each delivered line's pool among the cooperative's SALES_SHARE links active on the delivery day. */
    void onDelivered(@Observes OrderEvents.Delivered event) {
        Map<Long, Integer> shareBp = em.createQuery("select p.id, p.householdShareBp from Product p where p.id in :ids",
                        ProductShare.class)
                .setParameter("ids", event.lines().stream().map(OrderEvents.DeliveredLine::productId).toList())
                .getResultStream().collect(Collectors.toMap(ProductShare::productId, ProductShare::householdShareBp));
        Instant now = Instant.now();
        for (OrderEvents.DeliveredLine line : event.lines()) {
            long pool = IncomeRules.salesSharePool(line.amountFen(), shareBp.getOrDefault(line.productId(), 0));
            if (pool == 0) {
                continue;
            }
            List<ActiveLink> links = activeLinks(line.cooperativeId(), Mechanism.SALES_SHARE, event.deliveredOn(),
                    " and (l.productId is null or l.productId = :product)", Map.of("product", line.productId()));
            split(pool, links, event.deliveredOn(), SourceType.ORDER_LINE, line.lineId(), now);
        }
        em.flush();
    }

    /** Every contribution a returned line created gets one reversal of the negated amount, dated the return day. */
    void onReturned(@Observes OrderEvents.LineReturned event) {
        List<Contribution> original = em.createQuery("from Contribution c where c.sourceType = :type "
                        + "and c.sourceId = :line and c.reversalOf is null order by c.id", Contribution.class)
                .setParameter("type", SourceType.ORDER_LINE).setParameter("line", event.lineId()).getResultList();
        Instant now = Instant.now();
        for (Contribution c : original) {
            Contribution reversal = Contribution.of(c.householdId, c.cooperativeId, c.linkId, c.mechanism,
                    Math.negateExact(c.amountFen), event.returnedOn(), c.sourceType, c.sourceId, now);
            reversal.reversalOf = c.id;
            em.persist(reversal);
        }
        em.flush();
    }

    // ---- records made by a cooperative -----------------------------------------------------

    @Transactional
    public List<ContributionView> procurement(long cooperativeId, Records.Procurement request) {
        lockCooperative(cooperativeId);
        Household household = requireHousehold(request.householdId());
        Product product = Product.findById(request.productId());
        if (product == null || product.cooperativeId != cooperativeId) {
            throw ApiProblem.unprocessable("productId", "product " + request.productId()
                    + " is not a product of cooperative " + cooperativeId);
        }
        BenefitLink link = singleActiveLink(cooperativeId, household.id, Mechanism.PROCUREMENT, request.date(),
                " and l.productId = :product", Map.of("product", product.id));
        long pricePaid = Math.max(request.unitPriceFen(), link.floorPriceFen);
        long amount = IncomeRules.procurement(request.quantity(), pricePaid);
        long id = nextId("procurement_seq");
        em.createNativeQuery("insert into procurement (id, cooperative_id, household_id, product_id, link_id, quantity, "
                        + "unit_price_fen, price_paid_fen, date) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, id).setParameter(2, cooperativeId).setParameter(3, household.id)
                .setParameter(4, product.id).setParameter(5, link.id).setParameter(6, request.quantity())
                .setParameter(7, request.unitPriceFen()).setParameter(8, pricePaid).setParameter(9, request.date())
                .executeUpdate();
        return record(List.of(Contribution.of(household.id, cooperativeId, link.id, Mechanism.PROCUREMENT, amount,
                request.date(), SourceType.PROCUREMENT, id, Instant.now())), Map.of(household.id, household.code));
    }

    @Transactional
    public List<ContributionView> wage(long cooperativeId, Records.Wage request) {
        lockCooperative(cooperativeId);
        Household household = requireHousehold(request.householdId());
        BenefitLink link = singleActiveLink(cooperativeId, household.id, Mechanism.WAGE, request.date(), "", Map.of());
        long amount = IncomeRules.wage(request.days(), link.dailyWageFen);
        long id = nextId("wage_record_seq");
        em.createNativeQuery("insert into wage_record (id, cooperative_id, household_id, link_id, days, date) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, id).setParameter(2, cooperativeId).setParameter(3, household.id)
                .setParameter(4, link.id).setParameter(5, request.days()).setParameter(6, request.date())
                .executeUpdate();
        return record(List.of(Contribution.of(household.id, cooperativeId, link.id, Mechanism.WAGE, amount,
                request.date(), SourceType.WAGE_RECORD, id, Instant.now())), Map.of(household.id, household.code));
    }

    /** Splits a declared dividend by weight among the DIVIDEND links active on its date. */
    @Transactional
    public List<ContributionView> dividend(long cooperativeId, Records.Dividend request) {
        lockCooperative(cooperativeId);
        long id = nextId("dividend_seq");
        em.createNativeQuery("insert into dividend_declaration (id, cooperative_id, amount_fen, date, note) "
                        + "values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, cooperativeId).setParameter(3, request.amountFen())
                .setParameter(4, request.date()).setParameter(5, request.note())
                .executeUpdate();
        List<ActiveLink> links = activeLinks(cooperativeId, Mechanism.DIVIDEND, request.date(), "", Map.of());
        return split(request.amountFen(), links, request.date(), SourceType.DIVIDEND, id, Instant.now());
    }

    /**
     * Accrues land rent over [from, to] for every LAND_RENT link of the cooperative, by its
     * active days. A link already accrued on an overlapping range refuses the whole accrual (409).
     */
    @Transactional
    public List<ContributionView> landRent(long cooperativeId, Records.LandRentAccrual request) {
        LocalDate from = request.from();
        LocalDate to = request.to();
        if (to.isBefore(from)) {
            throw new ApiProblem(400, "Constraint Violation", "to: must not be before from",
                    List.of(new Violation("to", "must not be before from")));
        }
        if (from.getYear() != to.getYear()) {
            throw new ApiProblem(400, "Constraint Violation", "to: an accrual stays within one calendar year",
                    List.of(new Violation("to", "must be in the same calendar year as from")));
        }
        lockCooperative(cooperativeId); // accruals of one cooperative run one at a time
        List<ActiveLink> rows = em.createQuery("select l, h.code from BenefitLink l join Household h on h.id = l.householdId "
                        + "where l.cooperativeId = :c and l.mechanism = :m order by h.code, l.id", ActiveLink.class)
                .setParameter("c", cooperativeId).setParameter("m", Mechanism.LAND_RENT).getResultList();
        List<BenefitLink> accrued = new ArrayList<>();
        List<Contribution> contributions = new ArrayList<>();
        Map<Long, String> codes = new java.util.HashMap<>();
        long id = nextId("rent_accrual_seq");
        Instant now = Instant.now();
        for (ActiveLink row : rows) {
            BenefitLink link = row.link();
            long days = IncomeRules.activeDays(from, to, link.validFrom, link.validTo);
            if (days == 0) {
                continue;
            }
            accrued.add(link);
            codes.put(link.householdId, row.householdCode());
            long amount = IncomeRules.landRent(link.areaMu, link.rentPerMuPerYearFen, days);
            contributions.add(Contribution.of(link.householdId, cooperativeId, link.id, Mechanism.LAND_RENT, amount,
                    to, SourceType.RENT_ACCRUAL, id, now));
        }
        if (!accrued.isEmpty()) {
            List<Tuple> clash = em.createNativeQuery("select link_id, from_date, to_date from rent_accrual_period "
                            + "where link_id in (?1) and from_date <= ?3 and to_date >= ?2 limit 1", Tuple.class)
                    .setParameter(1, accrued.stream().map(l -> l.id).toList())
                    .setParameter(2, from).setParameter(3, to).getResultList();
            if (!clash.isEmpty()) {
                Tuple c = clash.get(0);
                throw ApiProblem.conflict("link " + c.get("link_id") + " was already accrued for "
                        + c.get("from_date") + " to " + c.get("to_date") + "; rent is never paid twice");
            }
        }
        em.createNativeQuery("insert into rent_accrual (id, cooperative_id, from_date, to_date) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, cooperativeId).setParameter(3, from).setParameter(4, to)
                .executeUpdate();
        for (BenefitLink link : accrued) {
            em.createNativeQuery("insert into rent_accrual_period (accrual_id, link_id, from_date, to_date) "
                            + "values (?1, ?2, ?3, ?4)")
                    .setParameter(1, id).setParameter(2, link.id).setParameter(3, from).setParameter(4, to)
                    .executeUpdate();
        }
        return record(contributions, codes);
    }

    // ---- shared steps ------------------------------------------------------------------------

    private List<ActiveLink> activeLinks(long cooperativeId, Mechanism mechanism, LocalDate day, String extra,
                                         Map<String, Object> extraParameters) {
        var query = em.createQuery("select l, h.code from BenefitLink l join Household h on h.id = l.householdId "
                        + "where l.cooperativeId = :c and l.mechanism = :m "
                        + "and function('link_active', l.validFrom, l.validTo, :d, :d) = true" + extra
                        + " order by h.code, l.id", ActiveLink.class)
                .setParameter("c", cooperativeId).setParameter("m", mechanism).setParameter("d", day);
        extraParameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private BenefitLink singleActiveLink(long cooperativeId, long householdId, Mechanism mechanism, LocalDate day,
                                         String extra, Map<String, Object> extraParameters) {
        Map<String, Object> parameters = new java.util.HashMap<>(extraParameters);
        parameters.put("household", householdId);
        return activeLinks(cooperativeId, mechanism, day, " and l.householdId = :household" + extra, parameters)
                .stream().findFirst().map(ActiveLink::link)
                .orElseThrow(() -> ApiProblem.unprocessable("household " + householdId + " has no " + mechanism
                        + " link with cooperative " + cooperativeId + " active on " + day));
    }

    /** Splits a pool among active links and records one row per household with a non-zero part. */
    private List<ContributionView> split(long pool, List<ActiveLink> links, LocalDate date, SourceType sourceType,
                                         long sourceId, Instant now) {
        if (links.isEmpty()) {
            return List.of(); // no active link: the money stays with the cooperative
        }
        long[] parts = Splitter.split(pool, links.stream()
                .map(a -> new Splitter.Claim(a.householdCode(), a.link().weight)).toList());
        List<Contribution> rows = new ArrayList<>(links.size());
        Map<Long, String> codes = new java.util.HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == 0) {
                continue;
            }
            BenefitLink link = links.get(i).link();
            codes.put(link.householdId, links.get(i).householdCode());
            rows.add(Contribution.of(link.householdId, link.cooperativeId, link.id, link.mechanism, parts[i], date,
                    sourceType, sourceId, now));
        }
        return record(rows, codes);
    }

    /** Persists in batches, keeping the persistence context small; answers the rows as views. */
    private List<ContributionView> record(List<Contribution> rows, Map<Long, String> householdCodes) {
        List<ContributionView> views = new ArrayList<>(rows.size());
        int n = 0;
        for (Contribution row : rows) {
            em.persist(row);
            views.add(ContributionView.of(row, householdCodes.get(row.householdId)));
            if (++n % 1000 == 0) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
        return views;
    }

    private void lockCooperative(long cooperativeId) {
        if (em.find(Cooperative.class, cooperativeId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ApiProblem.notFound("cooperative", cooperativeId);
        }
    }

    private Household requireHousehold(long id) {
        Household household = Household.findById(id);
        if (household == null) {
            throw ApiProblem.unprocessable("householdId", "household " + id + " does not exist");
        }
        return household;
    }

    private long nextId(String sequence) {
        return ((Number) em.createNativeQuery("select nextval('" + sequence + "')").getSingleResult()).longValue();
    }
}
