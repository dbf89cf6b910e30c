package cn.bangfu.market.households;

import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.TextRules;
import cn.bangfu.market.common.Years;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Violation;
import cn.bangfu.market.common.HqlFilter;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.common.SqlArrays;
import cn.bangfu.market.common.Text;
import cn.bangfu.market.imports.ImportPipeline;
import cn.bangfu.market.imports.ImportResult;
import cn.bangfu.market.imports.ImportRow;
import cn.bangfu.market.imports.RowError;
import cn.bangfu.market.imports.RowErrors;
import cn.bangfu.market.regions.Region;
import cn.bangfu.market.regions.RegionLevel;
import cn.bangfu.market.regions.RegionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.Instant;
import java.time.LocalDate;
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

    @Inject
    BusinessClock clock;

    /** Members and category of a household on a day (income-rules.md §5), as SQL's household_on says. */
    public record State(int members, HouseholdCategory category) {
    }

    @Transactional
    public HouseholdView register(HouseholdRequest request, String bureauRegion, String recordedBy) {
        requireVillage(request.villageCode(), bureauRegion);
        if (Household.count("code", request.code()) > 0) {
            throw ApiProblem.conflict("a household with code " + request.code() + " already exists",
                    "户编码为 " + request.code() + " 的农户已存在");
        }
        Instant now = BusinessClock.now();
        Household household = toEntity(request, now);
        household.persist();
        em.persist(registration(household, recordedBy, now));
        em.flush();
        return HouseholdView.of(household);
    }

    /**
     * A village (not another level) inside the bureau's region: 422 unknown, 403 outside (before the
     * level, which would describe a region outside), 422 not a village.
     */
    private Region requireVillage(String villageCode, String bureauRegion) {
        Region village = regions.requireReferenced("villageCode", villageCode);
        regions.requireGoverned(bureauRegion, village.code);
        if (village.level != RegionLevel.VILLAGE) {
            throw ApiProblem.unprocessable("villageCode", "region " + village.code + " is a " + village.level
                    + ", not a VILLAGE", "区域 " + village.code + " 的级别是 " + village.level + "，不是 VILLAGE");
        }
        return village;
    }

    /** The household's members and category on {@code day}; the household exists. */
    public State stateOn(long householdId, LocalDate day) {
        return statesOn(Map.of(householdId, day)).get(householdId);
    }

    /**
     * Corrects the record: head name, phone, village (inside the bureau's region), ID number
     * (re-validated, never echoed). Each field that changes is kept in the history, old → new.
     */
    @Transactional
    public HouseholdView correct(long id, HouseholdPatch patch, String bureauRegion, String recordedBy) {
        Household household = requireReadable(id, bureauRegion);
        // read again under the lock: the row may have moved on since (a change taking effect, V32)
        em.refresh(household, LockModeType.PESSIMISTIC_WRITE);
        if (patch.villageCode() != null) {
            requireVillage(patch.villageCode().trim(), bureauRegion);
        }
        List<HouseholdCorrection> corrections = corrections(household, patch.headName(), patch.phone(),
                patch.villageCode(), patch.idNumber(), recordedBy, BusinessClock.now());
        corrections.forEach(em::persist);
        em.flush();
        return HouseholdView.of(household);
    }

    /** Applies the fields that differ and answers one correction per changed field. */
    private static List<HouseholdCorrection> corrections(Household household, String headName, String phone,
                                                         String villageCode, String idNumber, String recordedBy,
                                                         Instant now) {
        List<HouseholdCorrection> corrections = new ArrayList<>();
        if (headName != null && !headName.trim().equals(household.headName)) {
            corrections.add(correction(household, "headName", household.headName, headName.trim(), recordedBy, now));
            household.headName = headName.trim();
        }
        if (phone != null && !phone.equals(household.phone)) {
            corrections.add(correction(household, "phone", household.phone, phone, recordedBy, now));
            household.phone = phone;
        }
        if (villageCode != null && !villageCode.trim().equals(household.villageCode)) {
            corrections.add(correction(household, "villageCode", household.villageCode, villageCode.trim(),
                    recordedBy, now));
            household.villageCode = villageCode.trim();
        }
        if (idNumber != null && !IdNumbers.normalize(idNumber).equals(household.idNumber)) {
            corrections.add(correction(household, "idNumber", IdNumbers.mask(household.idNumber),
                    IdNumbers.mask(IdNumbers.normalize(idNumber)), recordedBy, now));
            household.idNumber = IdNumbers.normalize(idNumber);
        }
        if (!corrections.isEmpty()) {
            household.updatedAt = now;
        }
        return corrections;
    }

    private static HouseholdCorrection correction(Household household, String field, String oldValue,
                                                  String newValue, String recordedBy, Instant now) {
        HouseholdCorrection c = new HouseholdCorrection();
        c.householdId = household.id;
        c.field = field;
        c.oldValue = oldValue;
        c.newValue = newValue;
        c.recordedBy = recordedBy;
        c.recordedAt = now;
        return c;
    }

    /**
     * Records a dated change of members, category or both (有进有出). A change effective by today
     * moves the household's current members and category (shown by GET) at once; one dated ahead
     * moves them on its day ({@link #followChangesTakingEffect}), and a year's figures as of
     * 31 December at once.
     */
    @Transactional
    public HouseholdHistory.ChangeView recordChange(long id, HouseholdHistory.ChangeRequest request,
                                                    String bureauRegion, String recordedBy) {
        if (request.members() == null && request.category() == null) {
            Text give = Text.of("give members, category or both", "请填写 members 或 category，也可两者都填");
            throw new ApiProblem(400, "Constraint Violation", give, List.of(new Violation("members", give)));
        }
        LocalDate today = clock.today();
        Household household = requireReadable(id, bureauRegion);
        em.refresh(household, LockModeType.PESSIMISTIC_WRITE); // changes of one household one at a time
        HouseholdChange change = HouseholdChange.of(household.id, request.effectiveFrom(), request.members(),
                request.category(), request.reason().strip(), recordedBy, BusinessClock.now());
        em.persist(change);
        em.flush();
        follow(List.of(household.id), today);
        return HouseholdHistory.ChangeView.of(change);
    }

    /**
     * The household rows that got dated changes say so (household_on then reads their history),
     * and keep today's members and category, for lists and filters, and the day of their next
     * change still to come.
     */
    private void follow(List<Long> householdIds, LocalDate today) {
        for (List<Long> chunk : RegionService.chunks(householdIds)) {
            em.createNativeQuery("update household set changed = true where id in (?1)")
                    .setParameter(1, chunk).executeUpdate();
            em.createNativeQuery("""
                    update household h set members = (select s.members from household_on(h, ?1) s),
                                           category = (select s.category from household_on(h, ?1) s),
                                           next_change_on = (select min(c.effective_from) from household_change c
                                                             where c.household_id = h.id and c.effective_from > ?1),
                                           version = h.version + 1, updated_at = now()
                    where h.id in (?2)""")
                    .setParameter(1, today).setParameter(2, chunk).executeUpdate();
        }
    }

    /** Key of the advisory lock that lets one instance at a time follow the changes taking effect. */
    static final long CHANGES_TAKING_EFFECT_LOCK = 0x6268_6368_616e_6765L;

    /**
     * Households with a change recorded ahead whose day has come follow it (today's members and
     * category): at most {@code max} of them, in id order, in one transaction. The number followed;
     * 0 while another instance is at it. A household a request holds locked (a correction, an
     * import) is passed over, never waited for, and followed on a later run.
     */
    @Transactional
    public int followChangesTakingEffect(int max) {
        boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, CHANGES_TAKING_EFFECT_LOCK).getSingleResult();
        if (!mine) {
            return 0;
        }
        LocalDate today = clock.today();
        @SuppressWarnings("unchecked")
        List<Long> due = em.createNativeQuery("""
                        select id from household where next_change_on <= ?1
                        order by id limit ?2 for update skip locked""", Long.class)
                .setParameter(1, today).setParameter(2, max).getResultList();
        follow(due, today);
        return due.size();
    }

    public HouseholdHistory history(long id, String bureauRegion) {
        requireReadable(id, bureauRegion);
        List<HouseholdHistory.ChangeView> changes = HouseholdChange.<HouseholdChange>list(
                        "householdId = ?1 order by effectiveFrom asc nulls first, recordedSeq", id)
                .stream().map(HouseholdHistory.ChangeView::of).toList();
        List<HouseholdHistory.CorrectionView> corrections = HouseholdCorrection.<HouseholdCorrection>list(
                        "householdId = ?1 order by id", id)
                .stream().map(HouseholdHistory.CorrectionView::of).toList();
        return new HouseholdHistory(changes, corrections);
    }

    public HouseholdHistory.ChangeView change(long id, long changeId, String bureauRegion) {
        requireReadable(id, bureauRegion);
        HouseholdChange change = HouseholdChange.findById(changeId);
        if (change == null || change.householdId != id) {
            throw ApiProblem.notFound("change", changeId);
        }
        return HouseholdHistory.ChangeView.of(change);
    }

    private static HouseholdChange registration(Household household, String recordedBy, Instant now) {
        return HouseholdChange.of(household.id, null, household.members, household.category, null, recordedBy, now);
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

    /** By code; {@code q} (optional) is the start of a household code or a part of the head's name. */
    public Page<HouseholdView> search(String bureauRegion, String regionCode, HouseholdCategory category, String q,
                                      PageRequest page) {
        String pattern = regions.readablePattern(bureauRegion, regionCode).orElse(null);
        if (pattern == null) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        HqlFilter filter = HqlFilter.of("from Household h where " + Household.IN_REGION)
                .bind("pattern", pattern)
                .and("h.category = :category", "category", category);
        if (q != null && !q.isBlank()) {
            String text = TextRules.likeEscaped(q.strip());
            filter = filter.and("h.code like :codeStart escape '\\' or h.headName like :namePart escape '\\'",
                    "codeStart", text + "%").bind("namePart", "%" + text + "%");
        }
        return filter.page(em, "select h", "h", "h.code", Household.class, page)
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

    /**
     * Imports a roster (农户名单) through the {@link ImportPipeline}: all rows or none. A row whose
     * code is new registers a household; a row whose code exists (inside the bureau's region)
     * corrects it, and records a change effective on its 生效日期 (default today) where members or
     * category differ.
     */
    @Transactional
    public ImportResult importRoster(List<ImportRow> rows, String bureauRegion, String recordedBy) {
        Roster roster = new Roster(clock.today(), BusinessClock.now(), recordedBy);
        ImportResult result = ImportPipeline.run(em, rows, this::parseRow,
                (parsed, errors) -> checkRows(parsed, errors, bureauRegion, roster));
        // The registrations of the new households: their ids were assigned when they were inserted.
        ImportPipeline.insert(em, roster.registered.stream()
                .map(household -> registration(household, recordedBy, roster.now)).toList());
        follow(roster.changed, roster.today);
        return result;
    }

    /** One import's clock and caller, and what it registered or changed, for the steps after the insert. */
    private static final class Roster {
        final LocalDate today;
        final Instant now;
        final String recordedBy;
        final List<Household> registered = new ArrayList<>();
        final List<Long> changed = new ArrayList<>();

        Roster(LocalDate today, Instant now, String recordedBy) {
            this.today = today;
            this.now = now;
            this.recordedBy = recordedBy;
        }
    }

    private HouseholdColumns.RosterRow parseRow(ImportRow row, RowErrors errors) {
        HouseholdColumns.RosterRow parsed = HouseholdColumns.toRow(row, errors);
        if (parsed != null) {
            errors.addAll(ImportPipeline.violations(validator, parsed.request(), row.row()));
        }
        return parsed;
    }

    /**
     * Villages in the bureau's region, codes unique in the file; new codes become households,
     * existing ones (locked, in id order) corrections and changes. Answers what to insert.
     */
    private List<Object> checkRows(List<ImportPipeline.Parsed<HouseholdColumns.RosterRow>> parsed,
                                   RowErrors errors, String bureauRegion, Roster roster) {
        String bureauPattern = regions.subtreePattern(bureauRegion).orElse(null);
        List<String> codes = parsed.stream().map(p -> p.value().request().code()).toList();
        // Only the bureau's own households are locked (and corrected); a code taken elsewhere is refused.
        Map<String, Household> existing = bureauPattern == null ? Map.of() : lockExisting(codes, bureauPattern);
        Set<String> takenElsewhere = existingCodes(codes.stream().filter(c -> !existing.containsKey(c)).toList());
        Map<String, Region> villages = regions.findAll(parsed.stream().map(p -> p.value().request().villageCode())
                .toList());
        // an existing household's members and category as they stand on its row's day, to compare with
        Map<Long, LocalDate> dayByHousehold = new HashMap<>();
        for (ImportPipeline.Parsed<HouseholdColumns.RosterRow> p : parsed) {
            Household household = existing.get(p.value().request().code());
            if (household != null) {
                dayByHousehold.putIfAbsent(household.id, dayOf(p.value(), roster));
            }
        }
        Map<Long, State> statesOnTheirDays = statesOn(dayByHousehold);
        Map<String, Integer> codeFirstRow = new HashMap<>();
        List<Object> accepted = new ArrayList<>(parsed.size());
        for (ImportPipeline.Parsed<HouseholdColumns.RosterRow> p : parsed) {
            HouseholdRequest request = p.value().request();
            int row = p.row();
            int before = errors.size();
            Region village = villages.get(request.villageCode());
            if (village == null) {
                errors.add(RowError.of(row, "villageCode", "region " + request.villageCode() + " does not exist",
                        "区域 " + request.villageCode() + " 不存在"));
            } else if (bureauPattern == null || !RegionService.pathMatches(village, bureauPattern)) {
                // the row and field say which village; the answer says nothing of a region outside the
                // caller's, its level included (as registering one household)
                errors.add(RowError.of(row, "villageCode", "the village lies outside your region",
                        "该村不在你的管辖区域内"));
            } else if (village.level != RegionLevel.VILLAGE) {
                errors.add(RowError.of(row, "villageCode", "region " + village.code + " is a " + village.level
                        + ", not a VILLAGE", "区域 " + village.code + " 的级别是 " + village.level + "，不是 VILLAGE"));
            }
            Integer first = codeFirstRow.putIfAbsent(request.code(), row);
            if (first != null) {
                errors.add(RowError.of(row, "code", "code " + request.code() + " repeats row " + first,
                        "户编码 " + request.code() + " 与第 " + first + " 行重复"));
            }
            if (takenElsewhere.contains(request.code())) {
                errors.add(RowError.of(row, "code", "the code belongs to a household outside your region",
                        "该户编码属于你的管辖区域以外的农户"));
                continue;
            }
            Household household = existing.get(request.code());
            if (household == null) {
                Household registered = toEntity(request, roster.now);
                accepted.add(registered);
                roster.registered.add(registered);
                continue;
            }
            if (errors.size() > before) {
                continue;
            }
            accepted.addAll(corrections(household, request.headName(), request.phone(), request.villageCode(),
                    request.idNumber(), roster.recordedBy, roster.now));
            LocalDate effectiveFrom = dayOf(p.value(), roster);
            State onThatDay = statesOnTheirDays.get(household.id);
            Integer members = request.members() != onThatDay.members() ? request.members() : null;
            HouseholdCategory category = request.category() != onThatDay.category() ? request.category() : null;
            if (members != null || category != null) {
                accepted.add(HouseholdChange.of(household.id, effectiveFrom, members, category, "roster import",
                        roster.recordedBy, roster.now));
                roster.changed.add(household.id);
            }
        }
        return accepted;
    }

    /** The day a roster row's change takes effect: its 生效日期, else today. */
    private static LocalDate dayOf(HouseholdColumns.RosterRow row, Roster roster) {
        return row.effectiveFrom() != null ? row.effectiveFrom() : roster.today;
    }

    /**
     * Members and category of each household on its day (household_on): one statement per chunk of
     * households, however many days they are asked for.
     */
    private Map<Long, State> statesOn(Map<Long, LocalDate> dayByHousehold) {
        Map<Long, State> states = new HashMap<>();
        for (List<Long> chunk : RegionService.chunks(List.copyOf(dayByHousehold.keySet()))) {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                            select t.id, s.members, s.category
                            from unnest(cast(?1 as bigint[]), cast(?2 as date[])) as t (id, day)
                            join household h on h.id = t.id
                            cross join lateral household_on(h, t.day) s""", Tuple.class)
                    .setParameter(1, SqlArrays.literal(chunk))
                    .setParameter(2, SqlArrays.literal(chunk.stream().map(dayByHousehold::get).toList()))
                    .getResultList();
            rows.forEach(r -> states.put(r.get("id", Long.class), new State(r.get("members", Integer.class),
                    HouseholdCategory.valueOf(r.get("category", String.class)))));
        }
        return states;
    }

    /**
     * The bureau's households a roster names, locked in id order (concurrent imports cannot
     * deadlock); households of other regions are never locked.
     */
    private Map<String, Household> lockExisting(List<String> codes, String bureauPattern) {
        Map<String, Household> existing = new HashMap<>();
        for (List<String> chunk : RegionService.chunks(codes)) {
            em.createQuery("from Household h where h.code in :codes and " + Household.IN_REGION + " order by h.id",
                            Household.class)
                    .setParameter("codes", chunk).setParameter("pattern", bureauPattern)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                    .forEach(h -> existing.put(h.code, h));
        }
        return existing;
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
