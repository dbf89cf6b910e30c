package cn.bangfu.market.regions;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.common.RegionCode;
import cn.bangfu.market.common.Roles;
import cn.bangfu.market.common.Text;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Regions and the containment questions every other feature asks
 * ("is region A inside region B"), answered over the materialized paths, kept once read.
 */
@ApplicationScoped
public class RegionService {

    private static final Pattern SHAPE = Pattern.compile(RegionCode.SHAPE);

    /**
     * Regions' paths by code, as read. A region is created with its path and never changed or removed
     * (migration V28 refuses it), so a path once read is true on every instance for good; an unknown
     * code is not kept, since another instance may create it. A catalogue search by region and every
     * bureau's request ask for a path: before, each read the region (a round trip and an entity, 13 %
     * of a search's samples in a profile). The codes most asked for are the bureaus' and their
     * counties' and townships', far fewer than this.
     */
    private final Cache<String, String> paths = Caffeine.newBuilder().maximumSize(20_000).build();

    /** The key of a transaction's paths read but not yet kept, in its synchronization registry. */
    private static final Object PATHS_READ_IN_TRANSACTION = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional
    public RegionView create(RegionRequest request, String bureauRegion) {
        RegionCodes.problem(request.code(), request.level())
                .ifPresent(message -> { throw ApiProblem.invalidField("code", message); });
        String parentCode = blankToNull(request.parentCode());
        if (Roles.NATIONAL_ROOT.equals(parentCode)) {
            parentCode = null;
        }

        // a bureau may register the region it governs itself (a region is inside itself), as well as
        // any region below one it governs
        boolean itsOwnRegion = request.code().equals(bureauRegion);
        Region parent = null;
        if (request.level() == RegionLevel.PROVINCE) {
            if (parentCode != null) {
                throw ApiProblem.invalidField("parentCode", "a PROVINCE has no parent (or the national root 000000)",
                        "PROVINCE 没有上级区域（或为全国根节点 000000）");
            }
            if (!Roles.NATIONAL_ROOT.equals(bureauRegion) && !itsOwnRegion) {
                throw ApiProblem.forbidden("only the national bureau (000000) or the province's own bureau may "
                        + "create a province", "只有全国帮扶部门（000000）或该省帮扶部门可以创建省");
            }
        } else {
            if (parentCode == null) {
                throw ApiProblem.invalidField("parentCode", "is required for a " + request.level(),
                        request.level() + " 必须填写");
            }
            // one registration under a parent at a time, so that the nearest-parent checks see each other's
            parent = Region.findById(parentCode, LockModeType.PESSIMISTIC_WRITE);
            if (parent == null) {
                throw ApiProblem.unprocessable("parentCode", "region " + parentCode + " does not exist",
                        "区域 " + parentCode + " 不存在");
            }
            // the scope first: a parent outside it is a 403 that says nothing of that region
            if (!itsOwnRegion) {
                requireGoverned(bureauRegion, parent.code);
            }
            if (!RegionCodes.canBeParent(parent.code, parent.level, request.code(), request.level())) {
                throw ApiProblem.unprocessable("parentCode", "a " + request.level() + " " + request.code()
                        + " cannot sit under " + parent.level + " " + parent.code,
                        request.level() + " " + request.code() + " 不能隶属于 " + parent.level + " " + parent.code);
            }
        }
        // a region registered again is a duplicate (409), whichever parent the second request names
        if (Region.findById(request.code()) != null) {
            throw ApiProblem.conflict("region " + request.code() + " already exists", "区域 " + request.code() + " 已存在");
        }
        if (parent != null) {
            requireNearestParent(request, parent);
        }

        Region region = new Region();
        region.code = request.code();
        region.name = request.name().trim();
        region.level = request.level();
        region.parentCode = parent == null ? null : parent.code;
        region.path = (parent == null ? "/" : parent.path) + request.code() + "/";
        region.povertyAlleviated = Boolean.TRUE.equals(request.povertyAlleviated());
        region.keyAssistance = Boolean.TRUE.equals(request.keyAssistance());
        region.createdAt = BusinessClock.now();
        region.persistAndFlush();
        return RegionView.of(region);
    }

    /**
     * A region sits under the nearest registered region above it, and no registered region belongs
     * below a new one: paths are fixed (V28), so a region put under a farther ancestor would stay
     * outside the nearer one for good, and its bureau would not govern it. The codes named are the
     * caller's own or regions above the new one, inside the parent the caller may register under.
     */
    private static void requireNearestParent(RegionRequest request, Region parent) {
        List<String> above = RegionCodes.ancestorCodes(request.code(), request.level());
        List<String> registered = Region.<Region>list("code in ?1", above).stream().map(r -> r.code).toList();
        String nearest = above.stream().filter(registered::contains).findFirst().orElse(parent.code);
        if (!nearest.equals(parent.code)) {
            throw ApiProblem.unprocessable("parentCode", "a " + request.level() + " " + request.code()
                    + " sits under " + nearest + ", the nearest registered region above it",
                    request.level() + " " + request.code() + " 应隶属于其最近的已登记上级区域 " + nearest);
        }
        String prefix = request.code().substring(0, request.level().significantDigits);
        if (Region.count("parentCode = ?1 and code like ?2 and code <> ?3", parent.code, prefix + "%",
                request.code()) > 0) {
            throw ApiProblem.unprocessable("code", "regions that belong below " + request.code()
                    + " are registered straight under " + parent.code + " already, and a region's place is fixed",
                    "属于 " + request.code() + " 下级的区域已直接登记在 " + parent.code + " 之下，区域的隶属关系不可更改");
        }
    }

    /**
     * One region, for bureau staff whose region contains it or lies in it (their own city and
     * province); 403 for any other, naming no region (api.md: regions are the bureau's, inside its region).
     */
    public RegionView get(String code, String bureauRegion) {
        Region region = require(code);
        if (!contains(bureauRegion, region.code) && !contains(region.code, bureauRegion)) {
            throw outsideYourRegion();
        }
        return RegionView.of(region);
    }

    public Region require(String code) {
        if (!isShaped(code)) { // no other text reaches a query, nor is echoed back
            throw new ApiProblem(404, "Not Found", Text.of("no region has that code", "没有该代码的区域"));
        }
        Region region = Region.findById(code);
        if (region == null) {
            throw ApiProblem.notFound("region", code);
        }
        return region;
    }

    /** A region named in a request body: unknown means the request breaks a rule (422). */
    public Region requireReferenced(String field, String code) {
        if (!isShaped(code)) { // no other text reaches a query, nor is echoed back
            throw ApiProblem.unprocessable(field, "must be a region code of 6 or 12 digits", "必须是6位或12位区域代码");
        }
        Region region = Region.findById(code);
        if (region == null) {
            throw ApiProblem.unprocessable(field, "region " + code + " does not exist", "区域 " + code + " 不存在");
        }
        return region;
    }

    private static boolean isShaped(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }

    /**
     * Children of {@code parentCode} (the provinces when it is absent or the national root) that the
     * bureau may read: all of them when the parent lies in its region; when the parent contains its
     * region, the one child on the way down to it; 403 for a parent elsewhere, naming no region; none
     * for a code no region has.
     */
    public Page<RegionView> children(String parentCode, String bureauRegion, PageRequest page) {
        boolean provinces = parentCode == null || parentCode.isBlank() || Roles.NATIONAL_ROOT.equals(parentCode);
        String parent = provinces ? Roles.NATIONAL_ROOT : parentCode.trim();
        if (!provinces && (!isShaped(parent) || path(parent).isEmpty())) {
            return new Page<>(List.of(), page.page(), page.size(), 0); // no such region: it has no children
        }
        String where = provinces ? "parentCode is null" : "parentCode = :parent";
        Map<String, Object> parameters = new HashMap<>();
        if (!provinces) {
            parameters.put("parent", parent);
        }
        if (!contains(bureauRegion, parent)) {
            if (!contains(parent, bureauRegion)) {
                throw outsideYourRegion();
            }
            where += " and :bureauPath like concat(path, '%')"; // the child that holds the bureau's region
            parameters.put("bureauPath", path(bureauRegion).orElseThrow());
        }
        var query = Region.<Region>find(where, Sort.by("code"), parameters);
        var rows = query.page(page.page(), page.size()).list();
        return Page.of(rows, page, query.count(), RegionView::of);
    }

    /** Whether {@code descendant} is {@code ancestor} or lies inside it. */
    public boolean contains(String ancestor, String descendant) {
        if (descendant == null || ancestor == null) {
            return false;
        }
        Optional<String> inner = path(descendant);
        if (Roles.NATIONAL_ROOT.equals(ancestor)) { // it contains itself and every region
            return Roles.NATIONAL_ROOT.equals(descendant) || inner.isPresent();
        }
        Optional<String> outer = path(ancestor);
        return inner.isPresent() && outer.isPresent() && inner.get().startsWith(outer.get());
    }

    /** A region's materialized path ({@code /620000/620800/620826/}); empty when no region has that code. */
    Optional<String> path(String code) {
        String path = paths.getIfPresent(code);
        if (path == null) {
            Region region = Region.findById(code);
            if (region == null) {
                return Optional.empty();
            }
            path = region.path;
            keep(code, path);
        }
        return Optional.of(path);
    }

    /** Whether this instance keeps the region's path (tests: what a transaction's end keeps). */
    boolean keeps(String code) {
        return paths.getIfPresent(code) != null;
    }

    /**
     * Keeps a path read in a transaction only once it commits: a region it created may yet be rolled
     * back. One that can no longer commit (marked for rollback) keeps nothing. A transaction's paths
     * wait in one map, kept by one synchronization (an import reads hundreds of villages).
     */
    private void keep(String code, String path) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            paths.put(code, path);
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> readInTransaction = (Map<String, String>) transactions.getResource(PATHS_READ_IN_TRANSACTION);
        if (readInTransaction == null) {
            Map<String, String> pending = new HashMap<>();
            transactions.putResource(PATHS_READ_IN_TRANSACTION, pending);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        paths.putAll(pending);
                    }
                }
            });
            readInTransaction = pending;
        }
        readInTransaction.put(code, path);
    }

    /**
     * 403 unless the bureau's region contains {@code regionCode}. The answer names no
     * region: the code is often that of a resource the caller may not see (a household's village).
     */
    public void requireGoverned(String bureauRegion, String regionCode) {
        if (!contains(bureauRegion, regionCode)) {
            throw ApiProblem.forbidden("this lies outside your region", "此项不在你的管辖区域内");
        }
    }

    /**
     * The LIKE pattern matching the paths of a region and all its descendants,
     * for use in queries; empty when the region does not exist.
     */
    public Optional<String> subtreePattern(String code) {
        if (Roles.NATIONAL_ROOT.equals(code)) {
            return Optional.of("/%");
        }
        return path(code).map(found -> found + "%");
    }

    /** The pattern of the bureau's own subtree; 403 when the bureau's region is not registered. */
    public String requireBureauPattern(String bureauRegion) {
        return subtreePattern(bureauRegion).orElseThrow(() -> ApiProblem.forbidden(
                "your region " + bureauRegion + " is not registered", "你的管辖区域 " + bureauRegion + " 尚未登记"));
    }

    /**
     * The subtree a bureau may read when it asks for {@code requested}: the requested
     * region if it lies inside the bureau's, the bureau's own region if the request
     * names an ancestor of it, else 403. Empty when the requested region is unknown.
     */
    public Optional<String> readablePattern(String bureauRegion, String requested) {
        if (requested == null || requested.isBlank()) {
            return subtreePattern(bureauRegion);
        }
        String code = requested.trim();
        if (!Roles.NATIONAL_ROOT.equals(code) && path(code).isEmpty()) {
            return Optional.empty();
        }
        if (contains(bureauRegion, code) || Roles.NATIONAL_ROOT.equals(bureauRegion)) {
            return subtreePattern(code);
        }
        if (contains(code, bureauRegion)) {
            return subtreePattern(bureauRegion);
        }
        // named by neither code: the one asked for may be that of a village the caller may not see
        throw outsideYourRegion();
    }

    /**
     * The region a report or export is asked for ({@code regionCode}, else the bureau's own), or
     * the whole country for the national root: inside the bureau's region (403), existing (404).
     */
    public RegionScope requireScope(String bureauRegion, String regionCode) {
        String code = askedFor(bureauRegion, regionCode);
        RegionScope scope = Roles.NATIONAL_ROOT.equals(code) ? RegionScope.NATIONAL : RegionScope.of(require(code));
        requireGoverned(bureauRegion, scope.code());
        return scope;
    }

    /**
     * The region a per-province figure is asked for ({@code regionCode}, else the bureau's own):
     * a province or a region below it (400 for the national root, whose provinces have different
     * monitoring lines), inside the bureau's region (403), existing (404).
     */
    public Region requireWithinProvince(String bureauRegion, String regionCode) {
        String code = askedFor(bureauRegion, regionCode);
        if (Roles.NATIONAL_ROOT.equals(code)) {
            throw ApiProblem.invalidField("regionCode", "name a province or a region below it", "请指定一个省或其下级区域");
        }
        Region region = require(code);
        requireGoverned(bureauRegion, region.code);
        return region;
    }

    /** 403 for a region asked for outside the bureau's, named by neither code (it may be a village's). */
    private static ApiProblem outsideYourRegion() {
        return ApiProblem.forbidden("the region asked for lies outside your region", "所查询的区域不在你的管辖区域内");
    }

    /** The region code a request names ({@code regionCode}), else the bureau's own. */
    private static String askedFor(String bureauRegion, String regionCode) {
        return regionCode == null || regionCode.isBlank() ? bureauRegion : regionCode.trim();
    }

    /** Regions by code, for validating many references at once (imports). */
    public Map<String, Region> findAll(Collection<String> codes) {
        Map<String, Region> found = new HashMap<>();
        for (List<String> chunk : chunks(List.copyOf(codes))) {
            Region.<Region>list("code in ?1", chunk).forEach(r -> found.put(r.code, r));
        }
        return found;
    }

    /** Whether {@code region}'s path lies inside the subtree matched by {@code pattern} (from {@link #subtreePattern}). */
    public static boolean pathMatches(Region region, String pattern) {
        if (region == null || pattern == null || !pattern.endsWith("%") || pattern.length() < 2) {
            return false;
        }
        return region.path.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    public static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 5000) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 5000)));
        }
        return chunks;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
