package cn.bangfu.market.households;

import cn.bangfu.market.common.Years;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.imports.ImportRejected;
import cn.bangfu.market.imports.ImportResult;
import cn.bangfu.market.imports.ImportRow;
import cn.bangfu.market.imports.RowError;
import cn.bangfu.market.regions.Region;
import cn.bangfu.market.regions.RegionLevel;
import cn.bangfu.market.regions.RegionService;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Households (农户), registered one by one or imported from bureau rosters. */
@ApplicationScoped
public class HouseholdService {

    @Inject
    RegionService regions;

    @Inject
    EntityManager em;

    @Inject
    Validator validator;

    @Transactional
    public HouseholdView register(HouseholdRequest request, String bureauRegion) {
        Region village = regions.requireReferenced("villageCode", request.villageCode());
        if (village.level != RegionLevel.VILLAGE) {
            throw ApiProblem.unprocessable("villageCode", "region " + village.code + " is a " + village.level
                    + ", not a VILLAGE");
        }
        regions.requireGoverned(bureauRegion, village.code);
        if (Household.count("code", request.code()) > 0) {
            throw ApiProblem.conflict("a household with code " + request.code() + " already exists");
        }
        Household household = toEntity(request, Instant.now());
        household.persistAndFlush();
        return HouseholdView.of(household);
    }

    public HouseholdView get(long id, String bureauRegion) {
        return HouseholdView.of(requireReadable(id, bureauRegion));
    }

    /** The household, if it exists (404) and lies inside the bureau's region (403). */
    public Household requireReadable(long id, String bureauRegion) {
        Household household = Household.findById(id);
        if (household == null) {
            throw ApiProblem.notFound("household", id);
        }
        regions.requireGoverned(bureauRegion, household.villageCode);
        return household;
    }

    public Page<HouseholdView> search(String bureauRegion, String regionCode, HouseholdCategory category,
                                      PageRequest page) {
        String pattern = regions.readablePattern(bureauRegion, regionCode).orElse(null);
        if (pattern == null) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        StringBuilder query = new StringBuilder(
                "villageCode in (select r.code from Region r where r.path like :pattern)");
        Parameters params = Parameters.with("pattern", pattern);
        if (category != null) {
            query.append(" and category = :category");
            params.and("category", category);
        }
        var found = Household.<Household>find(query.toString(), Sort.by("code"), params);
        return Page.of(found.page(page.page(), page.size()).list(), page, found.count(), HouseholdView::of);
    }

    @Transactional
    public OtherIncome.View declareOtherIncome(long id, int year, long amountFen, String bureauRegion) {
        Years.check(year);
        requireReadable(id, bureauRegion);
        em.createNativeQuery("insert into household_other_income (household_id, year, amount_fen, updated_at) "
                        + "values (?1, ?2, ?3, now()) on conflict (household_id, year) "
                        + "do update set amount_fen = excluded.amount_fen, updated_at = now()")
                .setParameter(1, id).setParameter(2, year).setParameter(3, amountFen)
                .executeUpdate();
        return new OtherIncome.View(id, year, amountFen);
    }

    /**
     * Imports a roster in one transaction: every row is validated first, and
     * either all rows are inserted (batched) or none, with every bad row reported.
     */
    @Transactional
    public ImportResult importRoster(List<ImportRow> rows, String bureauRegion) {
        List<RowError> errors = new ArrayList<>();
        List<HouseholdRequest> requests = new ArrayList<>(rows.size());
        List<Integer> rowNumbers = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            HouseholdRequest request = HouseholdColumns.toRequest(row, errors);
            if (request == null) {
                continue;
            }
            int before = errors.size();
            validator.validate(request).forEach(v ->
                    errors.add(new RowError(row.row(), v.getPropertyPath().toString(), v.getMessage())));
            if (errors.size() == before) {
                requests.add(request);
                rowNumbers.add(row.row());
            }
        }

        String bureauPattern = regions.subtreePattern(bureauRegion).orElse(null);
        Map<String, Region> villages = regions.findAll(requests.stream().map(HouseholdRequest::villageCode).toList());
        Set<String> existingCodes = existingCodes(requests.stream().map(HouseholdRequest::code).toList());
        Map<String, Integer> codeFirstRow = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            HouseholdRequest request = requests.get(i);
            int row = rowNumbers.get(i);
            Region village = villages.get(request.villageCode());
            if (village == null) {
                errors.add(new RowError(row, "villageCode", "region " + request.villageCode() + " does not exist"));
            } else if (village.level != RegionLevel.VILLAGE) {
                errors.add(new RowError(row, "villageCode", "region " + village.code + " is a " + village.level
                        + ", not a VILLAGE"));
            } else if (bureauPattern == null || !RegionService.pathMatches(village, bureauPattern)) {
                errors.add(new RowError(row, "villageCode", "village " + village.code + " lies outside your region"));
            }
            if (existingCodes.contains(request.code())) {
                errors.add(new RowError(row, "code", "a household with code " + request.code() + " already exists"));
            }
            Integer first = codeFirstRow.putIfAbsent(request.code(), row);
            if (first != null) {
                errors.add(new RowError(row, "code", "code " + request.code() + " repeats row " + first));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row()) : a.field().compareTo(b.field()));
            throw new ImportRejected(errors, rows.size());
        }

        Instant now = Instant.now();
        int n = 0;
        for (HouseholdRequest request : requests) {
            em.persist(toEntity(request, now));
            if (++n % 1000 == 0) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
        return new ImportResult(requests.size());
    }

    private Set<String> existingCodes(List<String> codes) {
        Set<String> existing = new HashSet<>();
        for (List<String> chunk : RegionService.chunks(codes)) {
            existing.addAll(em.createQuery("select h.code from Household h where h.code in :codes", String.class)
                    .setParameter("codes", chunk).getResultList());
        }
        return existing;
    }

    private static Household toEntity(HouseholdRequest request, Instant now) {
        Household household = new Household();
        household.code = request.code();
        household.headName = request.headName().trim();
        household.idNumber = IdNumbers.normalize(request.idNumber());
        household.villageCode = request.villageCode().trim();
        household.members = request.members();
        household.category = request.category();
        household.phone = request.phone();
        household.createdAt = now;
        household.updatedAt = now;
        return household;
    }
}
