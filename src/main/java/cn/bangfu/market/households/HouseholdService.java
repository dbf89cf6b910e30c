package cn.bangfu.market.households;

import cn.bangfu.market.common.Years;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.HqlFilter;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.imports.ImportPipeline;
import cn.bangfu.market.imports.ImportResult;
import cn.bangfu.market.imports.ImportRow;
import cn.bangfu.market.imports.RowError;
import cn.bangfu.market.regions.Region;
import cn.bangfu.market.regions.RegionLevel;
import cn.bangfu.market.regions.RegionService;
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
        return HqlFilter.of("from Household h where " + Household.IN_REGION)
                .bind("pattern", pattern)
                .and("h.category = :category", "category", category)
                .page(em, "select h", "h", "h.code", Household.class, page)
                .map(HouseholdView::of);
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

    /** Imports a roster (农户名单) through the {@link ImportPipeline}: all rows or none. */
    @Transactional
    public ImportResult importRoster(List<ImportRow> rows, String bureauRegion) {
        return ImportPipeline.run(em, rows, this::parseRow, (parsed, errors) -> checkRows(parsed, errors, bureauRegion));
    }

    private HouseholdRequest parseRow(ImportRow row, List<RowError> errors) {
        HouseholdRequest request = HouseholdColumns.toRequest(row, errors);
        if (request != null) {
            validator.validate(request).forEach(v ->
                    errors.add(new RowError(row.row(), v.getPropertyPath().toString(), v.getMessage())));
        }
        return request;
    }

    /** Villages in the bureau's region, codes new to the service and to the file; the households to insert. */
    private List<Household> checkRows(List<ImportPipeline.Parsed<HouseholdRequest>> parsed, List<RowError> errors,
                                      String bureauRegion) {
        String bureauPattern = regions.subtreePattern(bureauRegion).orElse(null);
        Map<String, Region> villages = regions.findAll(parsed.stream().map(p -> p.value().villageCode()).toList());
        Set<String> existingCodes = existingCodes(parsed.stream().map(p -> p.value().code()).toList());
        Map<String, Integer> codeFirstRow = new HashMap<>();
        Instant now = Instant.now();
        List<Household> accepted = new ArrayList<>(parsed.size());
        for (ImportPipeline.Parsed<HouseholdRequest> p : parsed) {
            HouseholdRequest request = p.value();
            int row = p.row();
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
            accepted.add(toEntity(request, now));
        }
        return accepted;
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
