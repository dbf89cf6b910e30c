package cn.bangfu.market.cooperatives;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.Caller;
import cn.bangfu.market.common.HqlFilter;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.regions.RegionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

@ApplicationScoped
public class CooperativeService {

    @Inject
    EntityManager em;

    @Inject
    RegionService regions;

    @Transactional
    public CooperativeView register(CooperativeRequest request, String bureauRegion) {
        regions.requireReferenced("regionCode", request.regionCode());
        regions.requireGoverned(bureauRegion, request.regionCode());
        if (Cooperative.count("creditCode", request.creditCode()) > 0) {
            throw ApiProblem.conflict("a cooperative with credit code " + request.creditCode() + " already exists",
                    "统一社会信用代码为 " + request.creditCode() + " 的经营主体已存在");
        }
        Cooperative cooperative = new Cooperative();
        cooperative.name = request.name().trim();
        cooperative.creditCode = request.creditCode();
        cooperative.kind = request.kind();
        cooperative.regionCode = request.regionCode();
        cooperative.contactPhone = request.contactPhone();
        cooperative.status = CooperativeStatus.PENDING;
        cooperative.createdAt = BusinessClock.now();
        cooperative.updatedAt = cooperative.createdAt;
        // Flush now so that a concurrent duplicate surfaces here as a 409, not at commit.
        cooperative.persistAndFlush();
        return CooperativeView.of(cooperative);
    }

    @Transactional
    public CooperativeView changeStatus(long id, StatusRequest request, String bureauRegion) {
        if (request.status() == CooperativeStatus.PENDING) {
            throw ApiProblem.invalidField("status", "must be APPROVED or SUSPENDED", "必须是 APPROVED 或 SUSPENDED");
        }
        Cooperative cooperative = require(id);
        regions.requireGoverned(bureauRegion, cooperative.regionCode);
        if (!cooperative.status.canMoveTo(request.status())) {
            throw ApiProblem.conflict("a " + cooperative.status + " cooperative cannot become " + request.status(),
                    "状态为 " + cooperative.status + " 的经营主体不能变为 " + request.status());
        }
        cooperative.status = request.status();
        cooperative.statusNote = request.note();
        cooperative.updatedAt = BusinessClock.now();
        cooperative.flush();
        return CooperativeView.of(cooperative);
    }

    /**
     * One cooperative as a reader may see it: bureau staff inside their region, a
     * cooperative itself only, a buyer any (it buys from them).
     */
    public CooperativeView get(long id, Reader reader) {
        Cooperative cooperative = require(id);
        if (reader.bureauRegion() != null) {
            regions.requireGoverned(reader.bureauRegion(), cooperative.regionCode);
        } else if (reader.ownCooperative() != null && reader.ownCooperative() != id) {
            throw ApiProblem.forbidden("a cooperative sees only itself", "经营主体只能查看自身");
        } else if (reader.isBuyer()) {
            if (cooperative.status != CooperativeStatus.APPROVED) {
                throw ApiProblem.notFound("cooperative", id); // not one a buyer can buy from
            }
            return CooperativeView.forBuyer(cooperative);
        }
        return CooperativeView.of(cooperative);
    }

    /**
     * Who reads: {@code bureauRegion} for bureau staff, {@code ownCooperative} for a cooperative,
     * neither for a buyer, who sees the APPROVED cooperatives it can buy from and not their review notes.
     */
    public record Reader(String bureauRegion, Long ownCooperative) {
        public static final Reader BUYER = new Reader(null, null);

        /** The caller as a reader of entities: a bureau role reads as the bureau (roles checked by the resource). */
        public static Reader of(Caller caller) {
            if (caller.is(Roles.BUREAU)) {
                return new Reader(caller.bureauRegion(), null);
            }
            if (caller.is(Roles.COOPERATIVE)) {
                return new Reader(null, caller.cooperativeId());
            }
            return BUYER;
        }

        boolean isBuyer() {
            return bureauRegion == null && ownCooperative == null;
        }
    }

    /**
     * The cooperative's row, locked until the transaction ends: business actions of one
     * cooperative (recordings, price-list imports) run one at a time.
     */
    public Cooperative lock(long id) {
        Cooperative cooperative = em.find(Cooperative.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (cooperative == null) {
            throw ApiProblem.notFound("cooperative", id);
        }
        return cooperative;
    }

    public Cooperative require(long id) {
        Cooperative cooperative = Cooperative.findById(id);
        if (cooperative == null) {
            throw ApiProblem.notFound("cooperative", id);
        }
        return cooperative;
    }

    public Page<CooperativeView> search(Reader reader, String regionCode, CooperativeStatus status, PageRequest page) {
        String pattern = null;
        if (reader.bureauRegion() != null || (regionCode != null && !regionCode.isBlank())) {
            pattern = (reader.bureauRegion() != null
                    ? regions.readablePattern(reader.bureauRegion(), regionCode)
                    : regions.subtreePattern(regionCode.trim())).orElse(null);
            if (pattern == null) {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
        }
        if (reader.isBuyer()) {
            if (status != null && status != CooperativeStatus.APPROVED) {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
            status = CooperativeStatus.APPROVED;
        }
        return HqlFilter.of("from Cooperative c where true")
                .and("c.id = :own", "own", reader.ownCooperative())
                .and("c.regionCode in (select r.code from Region r where r.path like :pattern)", "pattern", pattern)
                .and("c.status = :status", "status", status)
                .page(em, "select c", "c", "c.id", Cooperative.class, page)
                .map(reader.isBuyer() ? CooperativeView::forBuyer : CooperativeView::of);
    }
}
