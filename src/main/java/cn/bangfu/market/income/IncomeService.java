package cn.bangfu.market.income;

import cn.bangfu.market.catalogue.Product;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Text;
import cn.bangfu.market.common.Violation;
import cn.bangfu.market.cooperatives.Cooperative;
import cn.bangfu.market.cooperatives.CooperativeService;
import cn.bangfu.market.links.BenefitLink;
import cn.bangfu.market.links.LinkRules;
import cn.bangfu.market.links.Mechanism;
import cn.bangfu.market.trade.OrderEvents;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records income contributions (income-rules.md §3–4) into the append-only ledger,
 * in the same transaction as the business action that earns them.
 */
@ApplicationScoped
public class IncomeService {

    @Inject
    CooperativeService cooperatives;

    @Inject
    EntityManager em;

    @Inject
    Recordings recordings;

    /** A link active on the day of an event, with its household's code (the split's tie-break). */
    @RegisterForReflection // built by Hibernate from the query's selection
    record ActiveLink(BenefitLink link, String householdCode) {
    }

    /** What a recording command answers: the recording, and whether this request made it (201) or replayed it (200). */
    public record Recorded(RecordingView recording, boolean created) {
    }

    // ---- SALES_SHARE: hooked to order delivery and return ------------------------------------

    /**
     * Splits each delivered line's pool — its amount times the household share fixed when it was
     * placed — among the cooperative's SALES_SHARE links active on the delivery day; one recording
     * per line that pays anyone.
     */
    void onDelivered(@Observes OrderEvents.Delivered event) {
        for (OrderEvents.DeliveredLine line : event.lines()) {
            long pool = IncomeRules.salesSharePool(line.amountFen(), line.householdShareBp());
            if (pool == 0) {
                continue;
            }
            List<ActiveLink> links = activeLinks(line.cooperativeId(), Mechanism.SALES_SHARE, event.deliveredOn(),
                    " and (l.productId is null or l.productId = :product)", Map.of("product", line.productId()));
            if (links.isEmpty()) {
                continue; // no one to pay: the money stays with the cooperative, and nothing is recorded
            }
            Recording.Stamp stamp = recordings.open(line.cooperativeId(), RecordingKind.ORDER_DELIVERY, line.lineId(),
                    event.deliveredBy());
            split(stamp, pool, links, event.deliveredOn(), SourceType.ORDER_LINE, line.lineId()).forEach(em::persist);
        }
        em.flush();
    }

    /** Every contribution a returned line created gets one reversal of the negated amount, dated the return day. */
    void onReturned(@Observes OrderEvents.LineReturned event) {
        List<Contribution> original = em.createQuery("from Contribution c where c.sourceType = :type "
                        + "and c.sourceId = :line and c.reversalOf is null order by c.id", Contribution.class)
                .setParameter("type", SourceType.ORDER_LINE).setParameter("line", event.lineId()).getResultList();
        if (original.isEmpty()) {
            return;
        }
        Recording.Stamp stamp = recordings.open(event.cooperativeId(), RecordingKind.ORDER_RETURN, event.lineId(),
                event.returnedBy());
        for (Contribution c : original) {
            em.persist(c.reversed(stamp, event.returnedOn(), null));
        }
        em.flush();
    }

    // ---- records made by a cooperative -----------------------------------------------------

    @Transactional
    public Recorded procurement(long cooperativeId, String key, String recordedBy, Records.Procurement request) {
        long id = nextId("procurement_seq");
        Recordings.Claim claim = recordings.claim(lockCooperative(cooperativeId), RecordingKind.PROCUREMENT, id, key,
                request, recordedBy);
        if (claim.replayed()) {
            return new Recorded(claim.replay(), false);
        }
        long householdId = request.householdId();
        Product product = Product.findById(request.productId());
        if (product == null || product.cooperativeId != cooperativeId) {
            throw ApiProblem.unprocessable("productId", "product " + request.productId()
                    + " is not a product of cooperative " + cooperativeId,
                    "产品 " + request.productId() + " 不是经营主体 " + cooperativeId + " 的产品");
        }
        ActiveLink active = singleActiveLink(cooperativeId, householdId, Mechanism.PROCUREMENT, request.date(),
                " and l.productId = :product", Map.of("product", product.id));
        BenefitLink link = active.link();
        long pricePaid = Math.max(request.unitPriceFen(), link.floorPriceFen);
        long amount = IncomeRules.procurement(request.quantity(), pricePaid);
        em.createNativeQuery("insert into procurement (id, cooperative_id, household_id, product_id, link_id, quantity, "
                        + "unit_price_fen, price_paid_fen, date) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, id).setParameter(2, cooperativeId).setParameter(3, householdId)
                .setParameter(4, product.id).setParameter(5, link.id).setParameter(6, request.quantity())
                .setParameter(7, request.unitPriceFen()).setParameter(8, pricePaid).setParameter(9, request.date())
                .executeUpdate();
        return record(claim.stamp(), List.of(Contribution.of(claim.stamp(), householdId, cooperativeId, link.id,
                Mechanism.PROCUREMENT, amount, request.date(), SourceType.PROCUREMENT, id)),
                Map.of(householdId, active.householdCode()));
    }

    @Transactional
    public Recorded wage(long cooperativeId, String key, String recordedBy, Records.Wage request) {
        long id = nextId("wage_record_seq");
        Recordings.Claim claim = recordings.claim(lockCooperative(cooperativeId), RecordingKind.WAGE_RECORD, id, key,
                request, recordedBy);
        if (claim.replayed()) {
            return new Recorded(claim.replay(), false);
        }
        long householdId = request.householdId();
        ActiveLink active = singleActiveLink(cooperativeId, householdId, Mechanism.WAGE, request.date(), "", Map.of());
        BenefitLink link = active.link();
        long amount = IncomeRules.wage(request.days(), link.dailyWageFen);
        em.createNativeQuery("insert into wage_record (id, cooperative_id, household_id, link_id, days, date) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, id).setParameter(2, cooperativeId).setParameter(3, householdId)
                .setParameter(4, link.id).setParameter(5, request.days()).setParameter(6, request.date())
                .executeUpdate();
        return record(claim.stamp(), List.of(Contribution.of(claim.stamp(), householdId, cooperativeId, link.id,
                Mechanism.WAGE, amount, request.date(), SourceType.WAGE_RECORD, id)),
                Map.of(householdId, active.householdCode()));
    }

    /** Splits a declared dividend by weight among the DIVIDEND links active on its date. */
    @Transactional
    public Recorded dividend(long cooperativeId, String key, String recordedBy, Records.Dividend request) {
        long id = nextId("dividend_seq");
        Recordings.Claim claim = recordings.claim(lockCooperative(cooperativeId), RecordingKind.DIVIDEND, id, key,
                request, recordedBy);
        if (claim.replayed()) {
            return new Recorded(claim.replay(), false);
        }
        String assetRef = stripped(request.assetRef());
        String assetName = stripped(request.assetName());
        em.createNativeQuery("insert into dividend_declaration (id, cooperative_id, amount_fen, date, note, "
                        + "asset_ref, asset_name) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, id).setParameter(2, cooperativeId).setParameter(3, request.amountFen())
                .setParameter(4, request.date()).setParameter(5, request.note()).setParameter(6, assetRef)
                .setParameter(7, assetName)
                .executeUpdate();
        List<ActiveLink> links = activeLinks(cooperativeId, Mechanism.DIVIDEND, request.date(), "", Map.of());
        List<Contribution> rows = split(claim.stamp(), request.amountFen(), links, request.date(),
                SourceType.DIVIDEND, id);
        rows.forEach(row -> {
            row.assetRef = assetRef;
            row.assetName = assetName;
        });
        return record(claim.stamp(), rows, codes(links));
    }

    /**
     * Accrues land rent over [from, to] for every LAND_RENT link of the cooperative, by its
     * active days. A link already paid for any of those days refuses the whole accrual (409). What
     * is kept per link is the days paid, not the accrual's range: a link whose end is later moved
     * on (POST /links/{id}/end) can be paid for the days it gained, inside an earlier range too.
     */
    @Transactional
    public Recorded landRent(long cooperativeId, String key, String recordedBy, Records.LandRentAccrual request) {
        LocalDate from = request.from();
        LocalDate to = request.to();
        if (to.isBefore(from)) {
            throw ApiProblem.violations(List.of(Violation.of("to", "must not be before from", "不能早于 from")));
        }
        if (from.getYear() != to.getYear()) {
            throw new ApiProblem(400, "Constraint Violation",
                    Text.of("to: an accrual stays within one calendar year", "to：一次计提不能跨越日历年"),
                    List.of(Violation.of("to", "must be in the same calendar year as from", "必须与 from 在同一日历年内")));
        }
        long id = nextId("rent_accrual_seq");
        // Locked: accruals of one cooperative run one at a time.
        Recordings.Claim claim = recordings.claim(lockCooperative(cooperativeId), RecordingKind.RENT_ACCRUAL, id, key,
                request, recordedBy);
        if (claim.replayed()) {
            return new Recorded(claim.replay(), false);
        }
        List<ActiveLink> rows = em.createQuery("select l, h.code from BenefitLink l join Household h on h.id = l.householdId "
                        + "where l.cooperativeId = :c and l.mechanism = :m order by h.code, l.id", ActiveLink.class)
                .setParameter("c", cooperativeId).setParameter("m", Mechanism.LAND_RENT).getResultList();
        Map<Long, IncomeRules.DateSpan> paid = new HashMap<>(); // per link: the days this accrual pays
        List<Contribution> contributions = new ArrayList<>();
        Map<Long, String> codes = new HashMap<>();
        for (ActiveLink row : rows) {
            BenefitLink link = row.link();
            IncomeRules.DateSpan span = IncomeRules.activeSpan(from, to, link.validFrom, link.validTo);
            if (span == null) {
                continue;
            }
            paid.put(link.id, span);
            codes.put(link.householdId, row.householdCode());
            long amount = IncomeRules.landRent(link.areaMu, link.rentPerMuPerYearFen, span.days());
            contributions.add(Contribution.of(claim.stamp(), link.householdId, cooperativeId, link.id,
                    Mechanism.LAND_RENT, amount, to, SourceType.RENT_ACCRUAL, id));
        }
        if (!paid.isEmpty()) {
            // the periods within [from, to] still counted, then those sharing a day with what is paid now (the
            // overlap rule of links, LinkRules.overlaps)
            List<Tuple> candidates = em.createNativeQuery("select link_id, from_date, to_date from rent_accrual_period "
                            + "where link_id in (?1) and from_date <= ?3 and to_date >= ?2 and released_by is null "
                            + "order by link_id, from_date", Tuple.class)
                    .setParameter(1, List.copyOf(paid.keySet()))
                    .setParameter(2, from).setParameter(3, to).getResultList();
            for (Tuple c : candidates) {
                long linkId = ((Number) c.get("link_id")).longValue();
                LocalDate fromDate = c.get("from_date", LocalDate.class);
                LocalDate toDate = c.get("to_date", LocalDate.class);
                IncomeRules.DateSpan paidNow = paid.get(linkId);
                if (LinkRules.overlaps(paidNow.from(), paidNow.to(), fromDate, toDate)) {
                    throw ApiProblem.conflict("link " + linkId + " was already paid rent for "
                            + fromDate + " to " + toDate + "; rent is never paid twice",
                            "联农带农关系 " + linkId + " 已计提过 " + fromDate + " 至 " + toDate + " 的租金；租金不会重复支付");
                }
            }
        }
        em.createNativeQuery("insert into rent_accrual (id, cooperative_id, from_date, to_date) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, cooperativeId).setParameter(3, from).setParameter(4, to)
                .executeUpdate();
        paid.forEach((linkId, span) -> em.createNativeQuery("insert into rent_accrual_period "
                        + "(accrual_id, link_id, from_date, to_date) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, linkId).setParameter(3, span.from()).setParameter(4, span.to())
                .executeUpdate());
        return record(claim.stamp(), contributions, codes);
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

    /**
     * The household's link of that mechanism with the cooperative, active on the day. A household that
     * does not exist has none, and is answered alike: a cooperative cannot tell which ids exist.
     */
    private ActiveLink singleActiveLink(long cooperativeId, long householdId, Mechanism mechanism, LocalDate day,
                                        String extra, Map<String, Object> extraParameters) {
        Map<String, Object> parameters = new HashMap<>(extraParameters);
        parameters.put("household", householdId);
        return activeLinks(cooperativeId, mechanism, day, " and l.householdId = :household" + extra, parameters)
                .stream().findFirst()
                .orElseThrow(() -> ApiProblem.unprocessable("household " + householdId + " has no " + mechanism
                        + " link with cooperative " + cooperativeId + " active on " + day,
                        "农户 " + householdId + " 与经营主体 " + cooperativeId + " 之间没有在 " + day + " 有效的 "
                        + mechanism + " 联农带农关系"));
    }

    /**
     * Splits a pool among active links: one row per household with a non-zero part (a pool with no
     * active link pays no one; the money stays with the cooperative).
     */
    private List<Contribution> split(Recording.Stamp stamp, long pool, List<ActiveLink> links, LocalDate date,
                                     SourceType sourceType, long sourceId) {
        if (links.isEmpty()) {
            return List.of();
        }
        long[] parts = Splitter.split(pool, links.stream()
                .map(a -> new Splitter.Claim(a.householdCode(), a.link().weight)).toList());
        List<Contribution> rows = new ArrayList<>(links.size());
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == 0) {
                continue;
            }
            BenefitLink link = links.get(i).link();
            rows.add(Contribution.of(stamp, link.householdId, link.cooperativeId, link.id, link.mechanism, parts[i],
                    date, sourceType, sourceId));
        }
        return rows;
    }

    private static Map<Long, String> codes(List<ActiveLink> links) {
        Map<Long, String> codes = new HashMap<>();
        links.forEach(a -> codes.put(a.link().householdId, a.householdCode()));
        return codes;
    }

    /** Persists in batches, keeping the persistence context small; answers the new recording (201). */
    private Recorded record(Recording.Stamp stamp, List<Contribution> rows, Map<Long, String> householdCodes) {
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
        Recording recording = em.find(Recording.class, stamp.recordingId());
        return new Recorded(RecordingView.of(recording, null, views), true);
    }

    /** Locks the cooperative's row: its recordings run one at a time, and a replay waits for the original. */
    private Cooperative lockCooperative(long cooperativeId) {
        return cooperatives.lock(cooperativeId);
    }

    private long nextId(String sequence) {
        return ((Number) em.createNativeQuery("select nextval('" + sequence + "')").getSingleResult()).longValue();
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
