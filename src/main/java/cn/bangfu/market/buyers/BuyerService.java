package cn.bangfu.market.buyers;

import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.Years;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.HqlFilter;
import cn.bangfu.market.common.Money;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.common.Violation;
import cn.bangfu.market.regions.RegionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class BuyerService {

    @Inject
    RegionService regions;

    @Inject
    EntityManager em;

    /** Any bureau may register buyers: they sit in paired regions outside the seller's jurisdiction. */
    @Transactional
    public BuyerView register(BuyerRequest request) {
        List<Violation> violations = new ArrayList<>();
        boolean budgetUnit = request.kind() == BuyerKind.BUDGET_UNIT;
        // a BUDGET_UNIT's defaults are optional (the contract's "?"): a year's filing may give them instead
        if (!budgetUnit && request.annualFoodBudgetFen() != null) {
            violations.add(Violation.of("annualFoodBudgetFen", "applies to a BUDGET_UNIT only", "仅适用于 BUDGET_UNIT"));
        }
        if (!budgetUnit && request.reserveBp() != null) {
            violations.add(Violation.of("reserveBp", "applies to a BUDGET_UNIT only", "仅适用于 BUDGET_UNIT"));
        }
        boolean mayHaveParent = request.kind() == BuyerKind.TRADE_UNION || request.kind() == BuyerKind.ENTERPRISE;
        if (!mayHaveParent && request.parentBuyerId() != null) {
            violations.add(Violation.of("parentBuyerId", "applies to a TRADE_UNION or an ENTERPRISE only",
                    "仅适用于 TRADE_UNION 或 ENTERPRISE"));
        }
        if (!violations.isEmpty()) {
            // the detail names the first violation only; all are listed
            throw new ApiProblem(400, "Constraint Violation", Violation.describe(violations.subList(0, 1)),
                    violations);
        }
        regions.requireReferenced("regionCode", request.regionCode());
        if (request.parentBuyerId() != null) {
            Buyer parent = Buyer.findById(request.parentBuyerId());
            if (parent == null || parent.kind != BuyerKind.BUDGET_UNIT) {
                throw ApiProblem.unprocessable("parentBuyerId", "buyer " + request.parentBuyerId()
                        + (parent == null ? " does not exist" : " is a " + parent.kind + ", not a BUDGET_UNIT"),
                        "购买方 " + request.parentBuyerId()
                        + (parent == null ? " 不存在" : " 的类型是 " + parent.kind + "，不是 BUDGET_UNIT"));
            }
        }
        Buyer buyer = new Buyer();
        buyer.name = request.name().trim();
        buyer.kind = request.kind();
        buyer.regionCode = request.regionCode();
        buyer.annualFoodBudgetFen = request.annualFoodBudgetFen();
        buyer.reserveBp = request.reserveBp();
        buyer.parentBuyerId = request.parentBuyerId();
        buyer.createdAt = BusinessClock.now();
        buyer.persistAndFlush();
        return BuyerView.of(buyer);
    }

    public Buyer require(long id) {
        Buyer buyer = Buyer.findById(id);
        if (buyer == null) {
            throw ApiProblem.notFound("buyer", id);
        }
        return buyer;
    }

    /**
     * Buyers registered in the bureau's region, or in {@code regionCode} when that lies inside
     * it (403 outside it), optionally of one kind, by id.
     */
    public Page<BuyerView> search(String bureauRegion, String regionCode, BuyerKind kind, PageRequest page) {
        String pattern = regions.readablePattern(bureauRegion, regionCode).orElse(null);
        if (pattern == null) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        return HqlFilter.of("from Buyer b where true")
                .and("b.regionCode in (select r.code from Region r where r.path like :pattern)", "pattern", pattern)
                .and("b.kind = :kind", "kind", kind)
                .page(em, "select b", "b", "b.id", Buyer.class, page)
                .map(BuyerView::of);
    }

    public BuyerView get(long id) {
        return BuyerView.of(require(id));
    }

    /**
     * A budget unit's reserve for a year (预留份额): its food budget and reserved share, or that it
     * has no canteen. Filed again, it replaces the year's filing.
     */
    @Transactional
    public ReserveFiling fileReserve(long id, int year, ReserveFilingRequest request, String filedBy) {
        Years.check(year);
        boolean noCanteen = Boolean.TRUE.equals(request.noCanteen());
        if (noCanteen && (request.foodBudgetFen() != null || request.reserveBp() != null)) {
            throw ApiProblem.invalidField("noCanteen", "a unit without a canteen files no budget and no reserveBp",
                    "没有食堂的单位不填报预算，也不填报 reserveBp");
        }
        if (!noCanteen && request.foodBudgetFen() == null) {
            throw ApiProblem.invalidField("foodBudgetFen", "is required unless noCanteen is true",
                    "除非 noCanteen 为 true，否则必须填写");
        }
        if (!noCanteen && request.reserveBp() == null) {
            throw ApiProblem.invalidField("reserveBp", "is required unless noCanteen is true (at least 1000, i.e. 10%)",
                    "除非 noCanteen 为 true，否则必须填写（至少 1000，即 10%）");
        }
        requireBudgetUnit(require(id));
        em.createNativeQuery("""
                insert into buyer_reserve (buyer_id, year, no_canteen, food_budget_fen, reserve_bp, filed_by, filed_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, now())
                on conflict (buyer_id, year) do update set no_canteen = excluded.no_canteen,
                    food_budget_fen = excluded.food_budget_fen, reserve_bp = excluded.reserve_bp,
                    filed_by = excluded.filed_by, filed_at = excluded.filed_at""")
                .setParameter(1, id).setParameter(2, year).setParameter(3, noCanteen)
                .setParameter(4, request.foodBudgetFen()).setParameter(5, request.reserveBp())
                .setParameter(6, filedBy).executeUpdate();
        return new ReserveFiling(id, year, noCanteen, request.foodBudgetFen(), request.reserveBp());
    }

    /**
     * The year's reserve (its filing, else the buyer's defaults) against what the unit and the
     * buyers counting toward it (parentBuyerId) spent: delivered minus returned, by business date.
     */
    public ReserveReport reserve(long id, int year) {
        Years.check(year);
        requireBudgetUnit(require(id));
        // the year's filing, else the buyer's defaults; no canteen reserves nothing
        Tuple reserve = (Tuple) em.createNativeQuery("""
                select r.buyer_id is not null as filed, coalesce(r.no_canteen, false) as no_canteen,
                       case when r.no_canteen then 0 else coalesce(r.food_budget_fen, b.annual_food_budget_fen) end
                           as budget_fen,
                       case when r.no_canteen then 0 else coalesce(r.reserve_bp, b.reserve_bp) end as reserve_bp
                from buyer b left join buyer_reserve r on r.buyer_id = b.id and r.year = ?2
                where b.id = ?1""", Tuple.class)
                .setParameter(1, id).setParameter(2, year).getSingleResult();
        Long budgetOnFile = reserve.get("budget_fen", Long.class);
        Integer reserveBpOnFile = reserve.get("reserve_bp", Integer.class);
        if (budgetOnFile == null || reserveBpOnFile == null) {
            String missing = budgetOnFile == null ? "foodBudgetFen" : "reserveBp";
            throw ApiProblem.unprocessable("year", "buyer " + id + " has no " + missing + " for " + year
                    + ": file the year's reserve (PUT /api/v1/buyers/" + id + "/reserves/" + year + ")",
                    "购买方 " + id + " 没有 " + year + " 年的 " + missing + "：请先填报该年度预留份额（PUT /api/v1/buyers/"
                    + id + "/reserves/" + year + "）");
        }
        long budget = budgetOnFile;
        int reserveBp = reserveBpOnFile;
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Tuple spent = (Tuple) em.createNativeQuery("""
                select coalesce(sum(m.signed_fen), 0)::bigint as spent_fen,
                       coalesce(sum(m.signed_fen) filter (where m.recognized), 0)::bigint as recognized_fen
                from sale_movement m
                where m.buyer_id in (select ?1 union all select id from buyer where parent_buyer_id = ?1)
                  and m.business_date between ?2 and ?3""", Tuple.class)
                .setParameter(1, id).setParameter(2, first).setParameter(3, last)
                .getSingleResult();
        long spentFen = spent.get("spent_fen", Long.class);
        long reservedFen = Money.halfUp(Math.multiplyExact(budget, (long) reserveBp), 10_000L);
        return new ReserveReport(id, year, budget, reserveBp, reservedFen, spentFen,
                Money.basisPoints(spentFen, budget), Math.max(0, reservedFen - spentFen), spentFen >= reservedFen,
                spent.get("recognized_fen", Long.class), reserve.get("no_canteen", Boolean.class),
                reserve.get("filed", Boolean.class));
    }

    private static Buyer requireBudgetUnit(Buyer buyer) {
        if (buyer.kind != BuyerKind.BUDGET_UNIT) {
            throw ApiProblem.unprocessable("buyer " + buyer.id + " is a " + buyer.kind
                    + "; only a BUDGET_UNIT reserves a share of its food budget",
                    "购买方 " + buyer.id + " 的类型是 " + buyer.kind + "；只有 BUDGET_UNIT 才从食材采购预算中预留份额");
        }
        return buyer;
    }
}
