package cn.bangfu.market.income;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * The kept year figures (household_year, migration V12) always equal the same figures computed from
 * scratch (the view household_year_recomputed), whatever mix of business actions wrote them: wages in
 * two years, reversals, other income declared and re-declared, dated changes of members effective in
 * either year, corrections of the record, moves to another village, a monitoring line set and moved,
 * links made and ended. So do the flags and the villages' sums kept from them (V23): at risk and
 * alerted, village_year, the roster count and the linked households of each year.
 */
@QuarkusTest
class HouseholdYearTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int Y = TODAY.getYear() - 1;

    @Inject
    EntityManager em;

    @Test
    void keptFiguresEqualFiguresRecomputedFromScratch() {
        Fixtures.standardRegions();
        String village = Fixtures.newJingningVillage();
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        String prefix = Fixtures.uniqueCode("Y");
        Random random = new Random(12);
        List<Long> households = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long household = Fixtures.newHousehold(village, prefix + i, 1 + random.nextInt(6));
            Fixtures.newLink(cooperative, household, "WAGE", (Y - 1) + "-01-01", Map.of("dailyWageFen", 10_001));
            households.add(household);
        }
        String otherVillage = Fixtures.newJingningVillage();
        // Y − 1 is a year no other test sets a line for: its first line gives every household a row
        setLine(Y - 1, 300_000 + random.nextInt(600_000));
        List<Long> recordings = new ArrayList<>();
        List<long[]> openLinks = new ArrayList<>(); // link id, the year it starts
        for (int step = 0; step < 100; step++) {
            long household = households.get(random.nextInt(households.size()));
            int year = Y - random.nextInt(2);
            if (step % 30 == 29) {
                setLine(Y - 1, 300_000 + random.nextInt(600_000)); // moved: the kept rows must not move
            }
            switch (random.nextInt(8)) {
                case 0, 1 -> recordings.add(Api.recording(cooperative)
                        .body(Map.of("householdId", household, "days", 1 + random.nextInt(30),
                                "date", year + "-0" + (1 + random.nextInt(9)) + "-15"))
                        .post("/api/v1/cooperatives/" + cooperative + "/wages")
                        .then().statusCode(201).extract().jsonPath().getLong("recordingId"));
                case 2 -> Api.asNationalBureau().body(Map.of("amountFen", random.nextInt(2_000_000)))
                        .put("/api/v1/households/" + household + "/other-income/" + year).then().statusCode(200);
                case 3 -> Api.asBureau(Fixtures.JINGNING)
                        .body(Map.of("effectiveFrom", year + "-0" + (1 + random.nextInt(9)) + "-01",
                                "members", 1 + random.nextInt(8), "reason", "有进有出"))
                        .post("/api/v1/households/" + household + "/changes").then().statusCode(201);
                case 6 -> {
                    int from = Y - 3 + random.nextInt(4);
                    // another entity's: links of one entity, household and mechanism may not overlap
                    openLinks.add(new long[]{Fixtures.newLink(Fixtures.newCooperative(Fixtures.JINGNING, true),
                            household, "WAGE", from + "-01-01", Map.of("dailyWageFen", 9_000)), from});
                }
                case 7 -> {
                    if (!openLinks.isEmpty()) {
                        long[] link = openLinks.remove(random.nextInt(openLinks.size()));
                        int to = (int) link[1] + random.nextInt(Y - (int) link[1] + 1);
                        Api.asBureau(Fixtures.JINGNING).body(Map.of("date", to + "-06-30"))
                                .post("/api/v1/links/" + link[0] + "/end").then().statusCode(200);
                    }
                }
                case 4 -> Api.asBureau(Fixtures.JINGNING).body(Map.of("villageCode",
                                random.nextBoolean() ? village : otherVillage))
                        .patch("/api/v1/households/" + household).then().statusCode(200);
                default -> {
                    if (!recordings.isEmpty()) {
                        long recording = recordings.remove(random.nextInt(recordings.size()));
                        Api.asBureau(Fixtures.JINGNING).body(Map.of("reason", "录入错误"))
                                .post("/api/v1/recordings/" + recording + "/reversal").then().statusCode(201);
                    } else {
                        Api.asBureau(Fixtures.JINGNING).body(Map.of("phone", "1390000" + (1000 + step)))
                                .patch("/api/v1/households/" + household).then().statusCode(200);
                    }
                }
            }
        }

        assertThat(differences(households)).isEmpty();
        assertThat(count("household_year", "true", households))
                .isEqualTo(count("household_year_recomputed", "true", households)).isPositive();
        assertThat(count("household_year", "year = " + (Y - 1), households))
                .as("every household has a row of the year with a line").isEqualTo(households.size());
        // the whole table, whatever the other tests wrote
        assertThat(differences(null)).isEmpty();
        assertThat(keptAndRecomputedDiffer("select household_id, year, at_risk, alerted from household_year",
                "select * from household_year_flags_recomputed")).isZero();
        assertThat(count("household_year", "at_risk", households) + count("household_year", "alerted", households))
                .as("some flags are set, so their comparison compares something").isPositive();
        // the villages' sums (V23)
        assertThat(keptAndRecomputedDiffer("select * from village_year where households <> 0",
                "select * from village_year_recomputed")).isZero();
        assertThat(keptAndRecomputedDiffer("select * from village_households where households <> 0",
                "select village_code, count(*) from household group by 1")).isZero();
        for (int year = Y - 4; year <= Y + 1; year++) {
            assertThat(keptAndRecomputedDiffer("""
                    select village_code, sum(delta) from village_linked_change where year <= %d
                    group by 1 having sum(delta) <> 0""".formatted(year),
                    "select * from village_linked_recomputed(" + year + ")")).as("linked in %d", year).isZero();
        }
        // and the entities' kept year figures (V20) are their ledger rows, summed
        assertThat(((Number) em.createNativeQuery(ENTITY_YEAR_DIFFERENCES).getSingleResult()).longValue()).isZero();
        assertThat(((Number) em.createNativeQuery("select count(*) from cooperative_household_year").getSingleResult())
                .longValue()).isPositive();
    }

    /** Rows in one of two queries' results and not in the other's. */
    private long keptAndRecomputedDiffer(String kept, String recomputed) {
        return ((Number) em.createNativeQuery("select count(*) from ((" + kept + " except " + recomputed
                + ") union all (" + recomputed + " except " + kept + ")) d").getSingleResult()).longValue();
    }

    /** Rows of cooperative_household_year that are not the ledger's sums, and sums that have no row. */
    private static final String ENTITY_YEAR_DIFFERENCES = """
            with ledger as (select cooperative_id, extract(year from date)::integer as year, household_id, mechanism,
                                   sum(amount_fen)::bigint as amount_fen
                            from contribution group by 1, 2, 3, 4),
                 kept as (select cooperative_id, year, household_id, mechanism, amount_fen from cooperative_household_year)
            select count(*) from ((select * from kept except select * from ledger)
                                  union all (select * from ledger except select * from kept)) d""";

    @Test
    void theComparisonSeesAKeptFigureThatIsWrong() {
        Fixtures.standardRegions();
        long household = Fixtures.newHousehold(Fixtures.newJingningVillage(), Fixtures.uniqueCode("Y"), 3);
        Api.asNationalBureau().body(Map.of("amountFen", 90_001))
                .put("/api/v1/households/" + household + "/other-income/" + Y).then().statusCode(200);
        assertThat(differences(List.of(household))).isEmpty();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update household_year set per_capita_fen = per_capita_fen + 1 where household_id = ?1 and year = " + Y)
                .setParameter(1, household).executeUpdate());
        try {
            assertThat(differences(List.of(household))).hasSize(2); // the kept row and the recomputed one
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update household_year set per_capita_fen = per_capita_fen - 1 where household_id = ?1 and year = " + Y)
                    .setParameter(1, household).executeUpdate());
        }
        assertThat(differences(List.of(household))).isEmpty();
        // the entities' comparison sees a wrong kept sum too (in a transaction that is rolled back)
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long[] wrong = {-1};
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into cooperative_household_year values (?1, 1999, ?2, 'WAGE', 1)")
                    .setParameter(1, cooperative).setParameter(2, household).executeUpdate();
            wrong[0] = ((Number) em.createNativeQuery(ENTITY_YEAR_DIFFERENCES).getSingleResult()).longValue();
            throw new IllegalStateException("roll the planted row back");
        })).hasMessageContaining("roll the planted row back");
        assertThat(wrong[0]).isEqualTo(1); // a kept sum with no ledger rows under it
        assertThat(((Number) em.createNativeQuery(ENTITY_YEAR_DIFFERENCES).getSingleResult()).longValue()).isZero();
        // and the villages' comparisons see a wrong village sum and a wrong linked change
        long[] wrongVillage = {-1, -1};
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update village_year set other_fen = other_fen + 1 where year = " + Y
                    + " and village_code = (select village_code from household where id = ?1)")
                    .setParameter(1, household).executeUpdate();
            em.createNativeQuery("insert into village_linked_change values "
                    + "((select village_code from household where id = ?1), 1999, 1)")
                    .setParameter(1, household).executeUpdate();
            wrongVillage[0] = keptAndRecomputedDiffer("select * from village_year where households <> 0",
                    "select * from village_year_recomputed");
            wrongVillage[1] = keptAndRecomputedDiffer("""
                    select village_code, sum(delta) from village_linked_change where year <= 1999
                    group by 1 having sum(delta) <> 0""", "select * from village_linked_recomputed(1999)");
            throw new IllegalStateException("roll the planted rows back");
        })).hasMessageContaining("roll the planted rows back");
        assertThat(wrongVillage).containsExactly(2, 1); // the kept row and the recomputed one; a count of none
    }

    /**
     * Two dividends over the same two villages at once, whose batches of 128 ledger rows (in
     * household code order) reach the villages in opposite orders: the first pays group 1 (village
     * A) then group 2 (B), the second group 2 (B) then group 3 (A). Added to the villages' sums
     * batch by batch, the two would each hold one village's row and wait for the other's; added at
     * commit (V23's village_change), both pay, and the sums are the ledger's.
     */
    @Test
    void concurrentRecordingsReachingVillagesInOppositeOrdersBothPay() throws Exception {
        Fixtures.standardRegions();
        String a = Fixtures.newJingningVillage();
        String b = Fixtures.newJingningVillage();
        String prefix = Fixtures.uniqueCode("D");
        StringBuilder roster = new StringBuilder("code,headName,idNumber,villageCode,members,category,phone\n");
        for (int group = 1; group <= 3; group++) {
            for (int i = 0; i < 128; i++) {
                roster.append(prefix).append(group).append(String.format("%03d", i)).append(",农户,")
                        .append(Fixtures.randomIdNumber()).append(',').append(group == 2 ? b : a)
                        .append(",2,POVERTY_ALLEVIATED,\n");
            }
        }
        Api.asBureau(Fixtures.JINGNING).contentType("text/csv; charset=UTF-8")
                .body(roster.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/households/import").then().statusCode(201).body("imported", equalTo(384));
        long first = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long second = Fixtures.newCooperative(Fixtures.JINGNING, true);
        StringBuilder links = new StringBuilder("householdCode,cooperativeId,mechanism,validFrom,weight\n");
        for (int group = 1; group <= 3; group++) {
            for (int i = 0; i < 128; i++) {
                String code = prefix + group + String.format("%03d", i);
                if (group <= 2) {
                    links.append(code).append(',').append(first).append(",DIVIDEND,").append(Y).append("-01-01,1\n");
                }
                if (group >= 2) {
                    links.append(code).append(',').append(second).append(",DIVIDEND,").append(Y).append("-01-01,1\n");
                }
            }
        }
        Api.asBureau(Fixtures.JINGNING).contentType("text/csv; charset=UTF-8").body(links.toString())
                .post("/api/v1/links/import").then().statusCode(201);
        for (int round = 0; round < 3; round++) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (long cooperative : new long[]{first, second}) {
                    Callable<Integer> dividend = () -> Api.asCooperative(cooperative)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(Map.of("amountFen", 256_000, "date", Y + "-06-30", "note", "分红"))
                            .post("/api/v1/cooperatives/" + cooperative + "/dividends").statusCode();
                    answers.add(pool.submit(dividend));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(201);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        // 3 rounds × 256,000 fen per entity; group 2 is paid by both
        assertThat(keptAndRecomputedDiffer("select * from village_year where households <> 0",
                "select * from village_year_recomputed")).isZero();
        assertThat(((Number) em.createNativeQuery("select sum(contributions_fen) from village_year where year = " + Y
                + " and village_code in (?1, ?2)").setParameter(1, a).setParameter(2, b).getSingleResult()).longValue())
                .isEqualTo(2 * 3 * 256_000L);
    }

    private static void setLine(int year, long perCapitaFen) {
        Api.asBureau(Fixtures.GANSU).body(Map.of("perCapitaFen", perCapitaFen))
                .put("/api/v1/monitoring-lines/" + Fixtures.GANSU + "/" + year).then().statusCode(200);
    }

    /** Rows in one of the two and not in the other, for the households given (all when null). */
    private List<?> differences(List<Long> households) {
        String where = households == null ? "" : " where household_id in (:ids)";
        String columns = "household_id, year, household_code, village_code, region_path, province_code, members, category, "
                + "contributions_fen, other_fen, per_capita_fen, previous_per_capita_fen, relative_bp";
        var query = em.createNativeQuery("(select " + columns + " from household_year" + where + " except select "
                + columns + " from household_year_recomputed" + where + ") union all (select " + columns
                + " from household_year_recomputed" + where + " except select " + columns + " from household_year"
                + where + ")");
        if (households != null) {
            query.setParameter("ids", households);
        }
        return query.getResultList();
    }

    private long count(String table, String condition, List<Long> households) {
        return ((Number) em.createNativeQuery("select count(*) from " + table + " where household_id in (:ids) and "
                        + condition)
                .setParameter("ids", households).getSingleResult()).longValue();
    }
}
