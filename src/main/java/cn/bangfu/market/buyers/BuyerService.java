package cn.bangfu.market.buyers;

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

import java.time.Instant;
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
        if (budgetUnit && request.annualFoodBudgetFen() == null) {
            violations.add(new Violation("annualFoodBudgetFen", "is required for a BUDGET_UNIT"));
        }
        if (budgetUnit && request.reserveBp() == null) {
            violations.add(new Violation("reserveBp", "is required for a BUDGET_UNIT (at least 1000, i.e. 10%)"));
        }
        if (!budgetUnit && request.annualFoodBudgetFen() != null) {
            violations.add(new Violation("annualFoodBudgetFen", "applies to a BUDGET_UNIT only"));
        }
        if (!budgetUnit && request.reserveBp() != null) {
            violations.add(new Violation("reserveBp", "applies to a BUDGET_UNIT only"));
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "Constraint Violation", violations.get(0).field() + ": "
                    + violations.get(0).message(), violations);
        }
        regions.requireReferenced("regionCode", request.regionCode());
        Buyer buyer = new Buyer();
        buyer.name = request.name().trim();
        buyer.kind = request.kind();
        buyer.regionCode = request.regionCode();
        buyer.annualFoodBudgetFen = request.annualFoodBudgetFen();
        buyer.reserveBp = request.reserveBp();
        buyer.createdAt = Instant.now();
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

    public ReserveReport reserve(long id, int year) {
        Years.check(year);
        Buyer buyer = require(id);
        if (buyer.kind != BuyerKind.BUDGET_UNIT) {
            throw ApiProblem.unprocessable("buyer " + id + " is a " + buyer.kind
                    + "; only a BUDGET_UNIT reserves a share of its food budget");
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Tuple spent = (Tuple) em.createNativeQuery("""
                select coalesce(sum(m.signed_fen), 0)::bigint as spent_fen,
                       coalesce(sum(m.signed_fen) filter (where m.recognized), 0)::bigint as recognized_fen
                from sale_movement m
                where m.buyer_id = ?1 and m.business_date between ?2 and ?3""", Tuple.class)
                .setParameter(1, id).setParameter(2, first).setParameter(3, last)
                .getSingleResult();
        long spentFen = spent.get("spent_fen", Long.class);
        long budget = buyer.annualFoodBudgetFen;
        long reservedFen = Money.halfUp(Math.multiplyExact(budget, (long) buyer.reserveBp), 10_000L);
        return new ReserveReport(id, year, budget, buyer.reserveBp, reservedFen, spentFen,
                Money.basisPoints(spentFen, budget), Math.max(0, reservedFen - spentFen), spentFen >= reservedFen,
                spent.get("recognized_fen", Long.class));
    }
}
