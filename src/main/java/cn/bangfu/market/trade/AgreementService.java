package cn.bangfu.market.trade;

import cn.bangfu.market.buyers.Buyer;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.AssessmentRules;
import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.HqlFilter;
import cn.bangfu.market.common.Money;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.common.Years;
import cn.bangfu.market.cooperatives.Cooperative;
import cn.bangfu.market.regions.RegionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.List;

@ApplicationScoped
public class AgreementService {

    /** Agreement {@code a} has its seller or buyer region in the subtree {@code :pattern} (V21, V25). */
    private static final String HOLDS_PARTY =
            "function('subtree_holds_party', :pattern, a.sellerRegionCode, a.buyerRegionCode) = true";

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
                .and(HOLDS_PARTY, "pattern", pattern)
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

    /**
     * The agreement, for a party to it; 403 for anyone else, naming no region (api.md: no answer names
     * the region of a resource outside the caller's scope). Bureau staff with its buyer or seller
     * region in theirs, as the list; a buyer inside its buyer region, who may order under it; a
     * cooperative inside its seller region, whose products may be ordered under it (the placing rule).
     */
    public Agreement requireReadable(long id, Viewer viewer) {
        Agreement agreement = require(id);
        boolean party;
        if (viewer instanceof Viewer.Bureau bureau) {
            party = em.createQuery("select count(a) from Agreement a where a.id = :id and " + HOLDS_PARTY, Long.class)
                    .setParameter("id", id).setParameter("pattern", bureau.regionPattern()).getSingleResult() > 0;
        } else if (viewer instanceof Viewer.Buyer buyer) {
            party = admitsBuyer(agreement, em.find(Buyer.class, buyer.buyerId()));
        } else {
            Cooperative found = em.find(Cooperative.class, ((Viewer.Cooperative) viewer).cooperativeId());
            party = found != null && regions.contains(agreement.sellerRegionCode, found.regionCode);
        }
        if (!party) {
            throw ApiProblem.forbidden("you are not a party to this agreement", "你不是该协议的一方");
        }
        return agreement;
    }

    /** A buyer orders under an agreement, and reads it, when the agreement's buyer region contains its own. */
    boolean admitsBuyer(Agreement agreement, Buyer buyer) {
        return buyer != null && regions.contains(agreement.buyerRegionCode, buyer.regionCode);
    }

    public AgreementProgress progress(long id, Viewer viewer) {
        Agreement agreement = requireReadable(id, viewer);
        // the SQL rules the agreement report reads too (V21, V34)
        Tuple row = (Tuple) em.createNativeQuery("select f.realized_fen, f.recognized_fen, f.orders, "
                        + AgreementYear.PREVIOUS_COLUMNS
                        + " from agreement_realized(?1) f cross join agreement_previous(?1) p", Tuple.class)
                .setParameter(1, id).getSingleResult();
        long realized = row.get("realized_fen", Long.class);
        AgreementYear previous = AgreementYear.before(agreement.year, row);
        return new AgreementProgress(id, agreement.year, agreement.targetFen, realized,
                Money.basisPoints(realized, agreement.targetFen), row.get("orders", Long.class),
                row.get("recognized_fen", Long.class), AssessmentRules.growthBp(realized, previous.realizedFen()),
                previous);
    }
}
