package cn.bangfu.market.trade;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.HqlFilter;
import cn.bangfu.market.common.Money;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.common.Years;
import cn.bangfu.market.regions.RegionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.List;

@ApplicationScoped
public class AgreementService {

    @Inject
    RegionService regions;

    @Inject
    EntityManager em;

    /** By a bureau whose region contains the seller region. */
    @Transactional
    public AgreementView create(AgreementRequest request, String bureauRegion) {
        regions.requireReferenced("buyerRegionCode", request.buyerRegionCode());
        regions.requireReferenced("sellerRegionCode", request.sellerRegionCode());
        regions.requireGoverned(bureauRegion, request.sellerRegionCode());
        Agreement agreement = new Agreement();
        agreement.title = request.title().trim();
        agreement.buyerRegionCode = request.buyerRegionCode();
        agreement.sellerRegionCode = request.sellerRegionCode();
        agreement.year = request.year();
        agreement.targetFen = request.targetFen();
        agreement.createdAt = BusinessClock.now();
        agreement.persistAndFlush();
        return AgreementView.of(agreement);
    }

    /**
     * Agreements of a year (or of every year) with a party in the bureau's region: the seller
     * region or the buyer region lies in it, or in {@code regionCode} when that lies inside it
     * (403 outside it). By id. The parties are the SQL rule {@code agreement_party_in} (V21), which
     * the agreement report reads too (here through V25's {@code subtree_holds_party}, the pattern first).
     */
    public Page<AgreementView> search(String bureauRegion, Integer year, String regionCode, PageRequest page) {
        if (year != null) {
            Years.check(year);
        }
        String pattern = regions.readablePattern(bureauRegion, regionCode).orElse(null);
        if (pattern == null) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        return HqlFilter.of("from Agreement a where true")
                .and("function('subtree_holds_party', :pattern, a.sellerRegionCode, a.buyerRegionCode) = true",
                        "pattern", pattern)
                .and("a.year = :year", "year", year)
                .page(em, "select a", "a", "a.id", Agreement.class, page)
                .map(AgreementView::of);
    }

    public Agreement require(long id) {
        Agreement agreement = Agreement.findById(id);
        if (agreement == null) {
            throw ApiProblem.notFound("agreement", id);
        }
        return agreement;
    }

    public AgreementProgress progress(long id) {
        Agreement agreement = require(id);
        // the SQL rule the agreement report reads too (V21)
        Tuple row = (Tuple) em.createNativeQuery("""
                select f.realized_fen, f.recognized_fen, f.orders from agreement_realized(?1) f""", Tuple.class)
                .setParameter(1, id).getSingleResult();
        long realized = row.get("realized_fen", Long.class);
        long orders = row.get("orders", Long.class);
        return new AgreementProgress(id, agreement.year, agreement.targetFen, realized,
                Money.basisPoints(realized, agreement.targetFen), orders, row.get("recognized_fen", Long.class));
    }
}
