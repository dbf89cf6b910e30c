package cn.bangfu.market.links;

import cn.bangfu.market.catalogue.Product;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.HqlFilter;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.common.Violation;
import cn.bangfu.market.cooperatives.Cooperative;
import cn.bangfu.market.households.Household;
import cn.bangfu.market.imports.ImportPipeline;
import cn.bangfu.market.imports.ImportResult;
import cn.bangfu.market.imports.ImportRow;
import cn.bangfu.market.imports.RowError;
import cn.bangfu.market.imports.RowErrors;
import cn.bangfu.market.regions.RegionService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** Benefit links (联农带农): created, ended and listed by bureau staff inside their region. */
@ApplicationScoped
public class LinkService {

    /** The cooperative lies in the region subtree {@code ?2}. */
    private static final String IN_REGION_COOPERATIVE =
            "regionCode in (select r.code from Region r where r.path like ?2)";

    @Inject
    EntityManager em;

    @Inject
    RegionService regions;

    @Transactional
    public LinkView create(LinkRequest request, String bureauRegion) {
        List<Violation> violations = LinkRules.check(request);
        if (!violations.isEmpty()) {
            throw ApiProblem.violations(violations);
        }
        Household household = em.find(Household.class, request.householdId());
        if (household == null) {
            throw ApiProblem.unprocessable("householdId", "household " + request.householdId() + " does not exist",
                    "农户 " + request.householdId() + " 不存在");
        }
        regions.requireGoverned(bureauRegion, household.villageCode);
        // Lock the household (only once it is known to be the bureau's): concurrent links for it are
        // checked for overlap one at a time.
        em.lock(household, LockModeType.PESSIMISTIC_WRITE);
        Cooperative cooperative = Cooperative.findById(request.cooperativeId());
        if (cooperative == null) {
            throw ApiProblem.unprocessable("cooperativeId",
                    "cooperative " + request.cooperativeId() + " does not exist",
                    "经营主体 " + request.cooperativeId() + " 不存在");
        }
        regions.requireGoverned(bureauRegion, cooperative.regionCode);
        if (request.productId() != null) {
            Product product = Product.findById(request.productId());
            if (product == null || product.cooperativeId != cooperative.id) {
                throw ApiProblem.unprocessable("productId", "product " + request.productId()
                        + " is not a product of cooperative " + cooperative.id,
                        "产品 " + request.productId() + " 不是经营主体 " + cooperative.id + " 的产品");
            }
        }
        requireNoClash(household, cooperative.id, request.mechanism(), request.productId(),
                request.validFrom(), request.validTo(), null);
        BenefitLink link = toEntity(request, BusinessClock.now());
        link.persistAndFlush();
        return LinkView.of(link, household.code);
    }

    /**
     * One household holds at most one link of a mechanism with a cooperative (and product, where the
     * mechanism is product-scoped) on any day: 409 naming the link already there. The caller holds
     * the household's row lock, so that concurrent writes are checked one at a time.
     */
    private static void requireNoClash(Household household, long cooperativeId, Mechanism mechanism, Long productId,
                                       LocalDate from, LocalDate to, Long exceptLinkId) {
        List<BenefitLink> existing = BenefitLink.list("householdId = ?1 and cooperativeId = ?2 and mechanism = ?3",
                household.id, cooperativeId, mechanism);
        for (BenefitLink other : existing) {
            if (!Objects.equals(other.id, exceptLinkId)
                    && other.clashesWith(cooperativeId, household.id, mechanism, productId, from, to)) {
                throw ApiProblem.conflict("household " + household.code + " already holds " + mechanism
                        + " link " + other.id + " with cooperative " + cooperativeId + " on overlapping dates",
                        "农户 " + household.code + " 已与经营主体 " + cooperativeId + " 有日期重叠的 "
                        + mechanism + " 联农带农关系 " + other.id);
            }
        }
    }

    /**
     * Ends a link on {@code date}: it stays active on that day (api.md: not before validFrom). A
     * later date than a validTo already set extends the link (a mistaken end corrected), as long as
     * the days it gains are no other link's of its kind (409, as on creation).
     */
    @Transactional
    public LinkView end(long id, LocalDate date, String bureauRegion) {
        GovernedLink governed = governed(id, LockModeType.PESSIMISTIC_WRITE, bureauRegion);
        BenefitLink link = governed.link();
        Household household = governed.household();
        if (date.isBefore(link.validFrom)) {
            throw ApiProblem.unprocessable("date", "must not be before validFrom " + link.validFrom,
                    "不能早于 validFrom " + link.validFrom);
        }
        if (link.validTo != null && date.isAfter(link.validTo)) {
            em.lock(household, LockModeType.PESSIMISTIC_WRITE);
            requireNoClash(household, link.cooperativeId, link.mechanism, link.productId,
                    link.validFrom, date, link.id);
        }
        link.validTo = date;
        link.updatedAt = BusinessClock.now();
        link.flush();
        return LinkView.of(link, household.code);
    }

    /** One link, as its creation's {@code Location} names it: 404 unknown, 403 outside the bureau's region. */
    public LinkView find(long id, String bureauRegion) {
        GovernedLink governed = governed(id, LockModeType.NONE, bureauRegion);
        return LinkView.of(governed.link(), governed.household().code);
    }

    /** A link and its household, the household inside the bureau's region: 404 unknown, 403 outside. */
    private GovernedLink governed(long id, LockModeType lock, String bureauRegion) {
        BenefitLink link = BenefitLink.findById(id, lock);
        if (link == null) {
            throw ApiProblem.notFound("link", id);
        }
        Household household = Household.findById(link.householdId);
        regions.requireGoverned(bureauRegion, household.villageCode);
        return new GovernedLink(link, household);
    }

    private record GovernedLink(BenefitLink link, Household household) {
    }

    public Page<LinkView> search(String bureauRegion, Long cooperativeId, Long householdId, PageRequest page) {
        String pattern = regions.subtreePattern(bureauRegion).orElse(null);
        if (pattern == null) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        return HqlFilter.of("from BenefitLink l join Household h on h.id = l.householdId where " + Household.IN_REGION)
                .bind("pattern", pattern)
                .and("l.cooperativeId = :cooperativeId", "cooperativeId", cooperativeId)
                .and("l.householdId = :householdId", "householdId", householdId)
                .page(em, "select l, h.code", "l", "l.id", LinkRow.class, page)
                .map(row -> LinkView.of(row.link(), row.householdCode()));
    }

    /** A link with its household's code, as listed. */
    @RegisterForReflection // built by Hibernate from the query's selection
    record LinkRow(BenefitLink link, String householdCode) {
    }

    /**
     * Imports a link list through the {@link ImportPipeline}: references, scope and overlaps
     * (with stored links and with earlier rows) are checked for every row; all rows or none.
     */
    @Transactional
    public ImportResult importLinks(List<ImportRow> rows, String bureauRegion) {
        return ImportPipeline.run(em, rows, LinkColumns::parse, (parsed, errors) -> checkRows(parsed, errors, bureauRegion));
    }

    private List<BenefitLink> checkRows(List<ImportPipeline.Parsed<LinkColumns.ParsedLink>> rows, RowErrors errors,
                                        String bureauRegion) {
        List<LinkColumns.ParsedLink> parsed = rows.stream().map(ImportPipeline.Parsed::value).toList();
        String bureauPattern = regions.requireBureauPattern(bureauRegion);
        // Only households and cooperatives inside the bureau's region are looked up (and locked): one
        // outside it is answered exactly like one that does not exist, so a file cannot probe other regions.
        Map<String, Household> householdsByCode = new HashMap<>();
        Map<Long, Household> householdsById = new HashMap<>();
        lockHouseholds(parsed, bureauPattern, h -> {
            householdsByCode.put(h.code, h);
            householdsById.put(h.id, h);
        });
        Map<Long, Cooperative> cooperativesById = new HashMap<>();
        Map<String, Cooperative> cooperativesByCode = new HashMap<>();
        loadCooperatives(parsed, bureauPattern).forEach(c -> {
            cooperativesById.put(c.id, c);
            cooperativesByCode.put(c.creditCode, c);
        });
        Map<Long, Product> products = new HashMap<>();
        Set<Long> productIds = new HashSet<>();
        parsed.forEach(p -> { if (p.productId() != null) productIds.add(p.productId()); });
        for (List<Long> chunk : RegionService.chunks(List.copyOf(productIds))) {
            Product.<Product>list("id in ?1", chunk).forEach(p -> products.put(p.id, p));
        }

        // Stored links of every household involved, plus the rows accepted so far: the overlap pool.
        Map<Long, List<BenefitLink>> pool = new HashMap<>();
        for (List<Long> chunk : RegionService.chunks(List.copyOf(householdsById.keySet()))) {
            BenefitLink.<BenefitLink>list("householdId in ?1", chunk)
                    .forEach(l -> pool.computeIfAbsent(l.householdId, k -> new ArrayList<>()).add(l));
        }

        List<BenefitLink> accepted = new ArrayList<>();
        Instant now = BusinessClock.now();
        for (ImportPipeline.Parsed<LinkColumns.ParsedLink> parsedRow : rows) {
            LinkColumns.ParsedLink p = parsedRow.value();
            int row = parsedRow.row();
            int before = errors.size();
            Household household = p.householdCode() != null ? householdsByCode.get(p.householdCode())
                    : householdsById.get(p.householdId());
            if (household == null) {
                errors.add(RowError.of(row, p.householdCode() != null ? "householdCode" : "householdId",
                        "no such household in your region", "你的管辖区域内没有该农户"));
            }
            Cooperative cooperative = p.creditCode() != null ? cooperativesByCode.get(p.creditCode())
                    : cooperativesById.get(p.cooperativeId());
            if (cooperative == null) {
                errors.add(RowError.of(row, p.creditCode() != null ? "creditCode" : "cooperativeId",
                        "no such cooperative in your region", "你的管辖区域内没有该经营主体"));
            }
            if (errors.size() > before) {
                continue;
            }
            LinkRequest request = p.toRequest(cooperative.id, household.id);
            LinkRules.check(request).forEach(v -> errors.add(new RowError(row, v.field(), v.message())));
            if (request.productId() != null) {
                Product product = products.get(request.productId());
                if (product == null || product.cooperativeId != cooperative.id) {
                    errors.add(RowError.of(row, "productId", "product " + request.productId()
                            + " is not a product of cooperative " + cooperative.id,
                            "产品 " + request.productId() + " 不是经营主体 " + cooperative.id + " 的产品"));
                }
            }
            if (errors.size() > before) {
                continue;
            }
            List<BenefitLink> held = pool.computeIfAbsent(household.id, k -> new ArrayList<>());
            BenefitLink clash = held.stream().filter(o -> o.clashesWith(cooperative.id, household.id,
                    request.mechanism(), request.productId(), request.validFrom(), request.validTo()))
                    .findFirst().orElse(null);
            if (clash != null) {
                errors.add(RowError.of(row, "validFrom", "overlaps another " + request.mechanism()
                        + " link of household " + household.code + " with cooperative " + cooperative.id
                        + (clash.id != null ? " (link " + clash.id + ")" : " (an earlier row of this file)"),
                        "与农户 " + household.code + " 和经营主体 " + cooperative.id + " 之间的另一条 "
                        + request.mechanism() + " 联农带农关系日期重叠"
                        + (clash.id != null ? "（联农带农关系 " + clash.id + "）" : "（本文件中前面的一行）")));
                continue;
            }
            BenefitLink link = toEntity(request, now);
            held.add(link);
            accepted.add(link);
        }
        return accepted;
    }

    private void lockHouseholds(List<LinkColumns.ParsedLink> parsed, String bureauPattern, Consumer<Household> sink) {
        Set<String> codes = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        parsed.forEach(p -> {
            if (p.householdCode() != null) codes.add(p.householdCode());
            else if (p.householdId() != null) ids.add(p.householdId());
        });
        // In id order, so that concurrent imports cannot deadlock.
        for (List<String> chunk : RegionService.chunks(List.copyOf(codes))) {
            em.createQuery("from Household h where h.code in :codes and " + Household.IN_REGION
                            + " order by h.id", Household.class)
                    .setParameter("codes", chunk).setParameter("pattern", bureauPattern)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().forEach(sink);
        }
        for (List<Long> chunk : RegionService.chunks(List.copyOf(ids))) {
            em.createQuery("from Household h where h.id in :ids and " + Household.IN_REGION
                            + " order by h.id", Household.class)
                    .setParameter("ids", chunk).setParameter("pattern", bureauPattern)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().forEach(sink);
        }
    }

    private List<Cooperative> loadCooperatives(List<LinkColumns.ParsedLink> parsed, String bureauPattern) {
        Set<Long> ids = new HashSet<>();
        Set<String> codes = new HashSet<>();
        parsed.forEach(p -> {
            if (p.creditCode() != null) codes.add(p.creditCode());
            else if (p.cooperativeId() != null) ids.add(p.cooperativeId());
        });
        List<Cooperative> found = new ArrayList<>();
        for (List<Long> chunk : RegionService.chunks(List.copyOf(ids))) {
            found.addAll(Cooperative.list("id in ?1 and " + IN_REGION_COOPERATIVE, chunk, bureauPattern));
        }
        for (List<String> chunk : RegionService.chunks(List.copyOf(codes))) {
            found.addAll(Cooperative.list("creditCode in ?1 and " + IN_REGION_COOPERATIVE, chunk, bureauPattern));
        }
        return found;
    }

    private static BenefitLink toEntity(LinkRequest request, Instant now) {
        BenefitLink link = new BenefitLink();
        link.cooperativeId = request.cooperativeId();
        link.householdId = request.householdId();
        link.mechanism = request.mechanism();
        link.validFrom = request.validFrom();
        link.validTo = request.validTo();
        link.weight = request.weight();
        link.productId = request.productId();
        link.floorPriceFen = request.floorPriceFen();
        link.dailyWageFen = request.dailyWageFen();
        link.areaMu = request.areaMu() == null ? null : request.areaMu().setScale(2);
        link.rentPerMuPerYearFen = request.rentPerMuPerYearFen();
        link.createdAt = now;
        link.updatedAt = now;
        return link;
    }

}
