package cn.bangfu.market.households;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import cn.bangfu.market.support.SeedSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Households that change (有进有出): corrections, dated changes, year figures as of 31 December, alerts. */
@QuarkusTest
class HouseholdChangeTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** Y: last year, so that a change effective 1 July of Y has always taken effect. */
    private static final int Y = TODAY.getYear() - 1;
    /** A year no other test sets a monitoring line for. */
    private static final int ALERT_YEAR = 2090;

    private String village;

    @BeforeEach
    void setUp() {
        Fixtures.standardRegions();
        village = Fixtures.newJingningVillage();
    }

    private static JsonPath income(long household, int year) {
        return Api.asBureau(Fixtures.JINGNING).queryParam("year", year).get("/api/v1/households/" + household + "/income")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void otherIncome(long household, int year, long amountFen) {
        Api.asNationalBureau().body(Map.of("amountFen", amountFen))
                .put("/api/v1/households/" + household + "/other-income/" + year).then().statusCode(200);
    }

    @Test
    void membersGoingFromFourToTwoInJulyCountForThatYearOnly() {
        long household = Fixtures.newHousehold(village, Fixtures.uniqueCode("C"), 4);
        otherIncome(household, Y - 1, 1_000_001);
        otherIncome(household, Y, 1_000_001);

        Api.asBureau(Fixtures.JINGNING).body(Map.of("effectiveFrom", Y + "-07-01", "members", 2, "reason", "两人外出落户"))
                .post("/api/v1/households/" + household + "/changes").then().statusCode(201)
                .header("Location", containsString("/api/v1/households/" + household + "/changes/"))
                .body("members", equalTo(2)).body("category", nullValue())
                .body("recordedBy", equalTo("test-user"));

        assertThat(income(household, Y).getInt("members")).isEqualTo(2);
        assertThat(income(household, Y).getLong("perCapitaFen")).isEqualTo(500_000); // 1,000,001 / 2, floored
        assertThat(income(household, Y - 1).getInt("members")).isEqualTo(4);
        assertThat(income(household, Y - 1).getLong("perCapitaFen")).isEqualTo(250_000);
        Api.asNationalBureau().get("/api/v1/households/" + household).then().statusCode(200)
                .body("members", equalTo(2)).body("category", equalTo("POVERTY_ALLEVIATED"));

        // a later change, effective today, moves today's figures and nothing of Y
        Api.asBureau(Fixtures.JINGNING).body(Map.of("effectiveFrom", TODAY.toString(), "members", 3,
                        "category", "MONITORED_UNSTABLE", "reason", "因病返贫风险"))
                .post("/api/v1/households/" + household + "/changes").then().statusCode(201);
        assertThat(income(household, Y).getInt("members")).isEqualTo(2);
        assertThat(income(household, Y - 1).getInt("members")).isEqualTo(4);
        Api.asNationalBureau().get("/api/v1/households/" + household).then().statusCode(200)
                .body("members", equalTo(3)).body("category", equalTo("MONITORED_UNSTABLE"));

        // registration first, then every change, oldest first
        JsonPath history = Api.asBureau(Fixtures.JINGNING).get("/api/v1/households/" + household + "/changes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.effectiveFrom", String.class))
                .containsExactly(null, Y + "-07-01", TODAY.toString());
        assertThat(history.getList("items.members", Integer.class)).containsExactly(4, 2, 3);
        assertThat(history.getList("items.category", String.class))
                .containsExactly("POVERTY_ALLEVIATED", null, "MONITORED_UNSTABLE");
        assertThat(history.getList("items.recordedBy", String.class)).containsOnly("test-user");
    }

    @Test
    void ofTwoChangesEffectiveTheSameDayTheOneRecordedLaterHoldsWhateverItsId() {
        long household = Fixtures.newHousehold(village, Fixtures.uniqueCode("C"), 4);
        otherIncome(household, Y, 1_200_000);
        String changes = "/api/v1/households/" + household + "/changes";
        long first = Api.asBureau(Fixtures.JINGNING).body(Map.of("effectiveFrom", Y + "-07-01", "members", 3,
                        "reason", "一人外出"))
                .post(changes).then().statusCode(201).extract().jsonPath().getLong("id");
        // as if another instance had numbered it, from a block of ids above this instance's
        assertThat(SeedSql.update("update household_change set id = id + 100000000 where id = ?", first)).isEqualTo(1);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("effectiveFrom", Y + "-07-01", "members", 2,
                        "reason", "更正：两人外出"))
                .post(changes).then().statusCode(201);

        assertThat(income(household, Y).getInt("members")).isEqualTo(2);
        assertThat(income(household, Y).getLong("perCapitaFen")).isEqualTo(600_000);
        Api.asNationalBureau().get("/api/v1/households/" + household).then().statusCode(200).body("members", equalTo(2));
        assertThat(Api.asBureau(Fixtures.JINGNING).get(changes).then().statusCode(200).extract().jsonPath()
                .getList("items.members", Integer.class)).containsExactly(4, 3, 2);
    }

    @Test
    void aChangeDatedAheadLeavesTodaysMembersAndCountsForTheYearItFallsIn() {
        long household = Fixtures.newHousehold(village, Fixtures.uniqueCode("C"), 4);
        String changes = "/api/v1/households/" + household + "/changes";
        LocalDate tomorrow = TODAY.plusDays(1);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("effectiveFrom", tomorrow.toString(), "members", 2,
                "reason", "下月两人外出落户")).post(changes).then().statusCode(201)
                .body("effectiveFrom", equalTo(tomorrow.toString()));
        Api.asNationalBureau().get("/api/v1/households/" + household).then().statusCode(200).body("members", equalTo(4));
        // this year's members are those of 31 December: tomorrow's change counts unless tomorrow is 1 January
        int thisYear = TODAY.getYear();
        assertThat(income(household, thisYear).getInt("members")).isEqualTo(tomorrow.getYear() == thisYear ? 2 : 4);
        // a change dated next year never moves this year's figures
        Api.asBureau(Fixtures.JINGNING).body(Map.of("effectiveFrom", (thisYear + 1) + "-03-01", "category",
                "MONITORED_SUDDEN_HARDSHIP", "members", 1, "reason", "明年分户")).post(changes).then().statusCode(201);
        assertThat(income(household, thisYear).getInt("members")).isEqualTo(tomorrow.getYear() == thisYear ? 2 : 4);
        assertThat(income(household, thisYear + 1).getInt("members")).isEqualTo(1);
        Api.asNationalBureau().get("/api/v1/households/" + household).then().statusCode(200)
                .body("members", equalTo(4)).body("category", equalTo("POVERTY_ALLEVIATED"));
        assertThat(Api.asBureau(Fixtures.JINGNING).get(changes).then().statusCode(200).extract().jsonPath()
                .getList("items.members", Integer.class)).containsExactly(4, 2, 1);
    }

    @Test
    void aChangeIsDatedSaysWhatChangesAndWhyAndStaysInTheRegion() {
        long household = Fixtures.newHousehold(village, Fixtures.uniqueCode("C"), 4);
        String changes = "/api/v1/households/" + household + "/changes";
        Api.asBureau(Fixtures.JINGNING).body(Map.of("effectiveFrom", TODAY.toString(), "reason", "x"))
                .post(changes).then().statusCode(400);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("effectiveFrom", TODAY.toString(), "members", 2))
                .post(changes).then().statusCode(400);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("effectiveFrom", TODAY.toString(), "members", 0, "reason", "x"))
                .post(changes).then().statusCode(400);
        Api.asBureau(Fixtures.WUQING).body(Map.of("effectiveFrom", TODAY.toString(), "members", 2, "reason", "x"))
                .post(changes).then().statusCode(403);
        Api.asBureau(Fixtures.WUQING).get(changes).then().statusCode(403);
        Api.asNationalBureau().get("/api/v1/households/987654321/changes").then().statusCode(404);
        assertThat(Api.asNationalBureau().get(changes).then().statusCode(200).extract().jsonPath()
                .getList("items")).hasSize(1);
    }

    @Test
    void correctionsAreAuditedAndTheIdNumberNeverEchoed() {
        long household = Fixtures.newHousehold(village, Fixtures.uniqueCode("P"), 4);
        String newId = Fixtures.randomIdNumber();
        String otherVillage = Fixtures.newJingningVillage();
        Api.asBureau(Fixtures.JINGNING).body(Map.of("headName", "王建华", "phone", "13900000000", "idNumber", newId,
                        "villageCode", otherVillage))
                .patch("/api/v1/households/" + household).then().statusCode(200)
                .body("headName", equalTo("王建华")).body("phone", equalTo("13900000000"))
                .body("villageCode", equalTo(otherVillage))
                .body("idNumber", not(equalTo(newId))).body("idNumber", endsWith(newId.substring(14)))
                .body("members", equalTo(4));

        JsonPath history = Api.asBureau(Fixtures.JINGNING).get("/api/v1/households/" + household + "/changes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("corrections.field", String.class))
                .containsExactlyInAnyOrder("headName", "phone", "idNumber", "villageCode");
        Map<String, String> headName = history.getMap("corrections.find { it.field == 'headName' }");
        assertThat(headName).containsEntry("oldValue", "王建国").containsEntry("newValue", "王建华")
                .containsEntry("recordedBy", "test-user");
        assertThat(history.prettify()).doesNotContain(newId);

        // members and category change by dated changes only; bad values and other regions are refused
        Api.asBureau(Fixtures.JINGNING).body(Map.of("members", 2)).patch("/api/v1/households/" + household)
                .then().statusCode(400);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("idNumber", "12345"))
                .patch("/api/v1/households/" + household).then().statusCode(400);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("villageCode", Fixtures.JINGNING))
                .patch("/api/v1/households/" + household).then().statusCode(422);
        Api.asBureau(Fixtures.WUQING).body(Map.of("headName", "李四"))
                .patch("/api/v1/households/" + household).then().statusCode(403);
        // nothing that was refused changed anything
        assertThat(Api.asBureau(Fixtures.JINGNING).get("/api/v1/households/" + household + "/changes")
                .then().statusCode(200).extract().jsonPath().getList("corrections")).hasSize(4);
    }

    @Test
    void alertsAreListedByHouseholdCodeAcrossVillages() {
        Api.asBureau(Fixtures.GANSU).body(Map.of("perCapitaFen", 600_000))
                .put("/api/v1/monitoring-lines/620000/" + ALERT_YEAR).then().statusCode(200);
        String township = Fixtures.newTownship(Fixtures.JINGNING);
        String one = Fixtures.newVillage(township);
        String other = Fixtures.newVillage(township);
        String first = one.compareTo(other) < 0 ? one : other; // first by village
        String second = first.equals(one) ? other : one;
        String prefix = Fixtures.uniqueCode("AC");
        // codes in the opposite order of their villages
        for (String[] household : new String[][] {{first, prefix + "Z"}, {second, prefix + "A"}, {first, prefix + "M"}}) {
            otherIncome(Fixtures.newHousehold(household[0], household[1], 1), ALERT_YEAR, 100_000); // below the line
        }
        List<String> expected = List.of(prefix + "A", prefix + "M", prefix + "Z");
        assertThat(Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", township).queryParam("year", ALERT_YEAR)
                .get("/api/v1/households/alerts").then().statusCode(200).extract().jsonPath()
                .getList("items.householdCode", String.class)).containsExactlyElementsOf(expected);
        assertThat(Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", township).queryParam("year", ALERT_YEAR)
                .queryParam("page", 1).queryParam("size", 2).get("/api/v1/households/alerts").then().statusCode(200)
                .extract().jsonPath().getList("items.householdCode", String.class)).containsExactly(prefix + "Z");
        String csv = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", township)
                .queryParam("year", ALERT_YEAR).get("/api/v1/exports/alerts").then().statusCode(200).extract().asString();
        assertThat(csv.lines().skip(1).map(line -> line.substring(0, line.indexOf(',')))).containsExactlyElementsOf(expected);
    }

    @Test
    void alertsMatchHandComputedReasons() {
        Api.asBureau(Fixtures.GANSU).body(Map.of("perCapitaFen", 600_000, "nearLineBp", 15_000, "dropBp", 3_000))
                .put("/api/v1/monitoring-lines/620000/" + ALERT_YEAR).then().statusCode(200)
                .body("nearLineBp", equalTo(15_000)).body("dropBp", equalTo(3_000));
        String prefix = Fixtures.uniqueCode("AL");
        // one member each: per capita = income. {this year, the year before} → reasons
        long[][] incomes = {{500_000, 0}, {800_000, 900_000}, {1_000_000, 2_000_000}, {2_000_000, 2_000_000},
                {500_000, 1_000_000}};
        for (int i = 0; i < incomes.length; i++) {
            long household = Fixtures.newHousehold(village, prefix + (char) ('A' + i), 1);
            otherIncome(household, ALERT_YEAR, incomes[i][0]);
            otherIncome(household, ALERT_YEAR - 1, incomes[i][1]);
        }
        JsonPath alerts = Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", village)
                .queryParam("year", ALERT_YEAR).get("/api/v1/households/alerts").then().statusCode(200)
                .body("total", equalTo(4)).extract().jsonPath();
        assertThat(alerts.getList("items.householdCode", String.class))
                .containsExactly(prefix + "A", prefix + "B", prefix + "C", prefix + "E");
        assertThat(alerts.getList("items.reasons")).containsExactly(
                List.of("BELOW_LINE"), List.of("NEAR_LINE"), List.of("INCOME_DROP"),
                List.of("BELOW_LINE", "INCOME_DROP"));
        assertThat(alerts.getList("items.perCapitaFen", Long.class))
                .containsExactly(500_000L, 800_000L, 1_000_000L, 500_000L);
        assertThat(alerts.getList("items.previousPerCapitaFen", Long.class))
                .containsExactly(0L, 900_000L, 2_000_000L, 1_000_000L);
        assertThat(alerts.getList("items.lineFen", Long.class)).containsOnly(600_000L);

        // paged like every list; the export has the same rows
        Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", village).queryParam("year", ALERT_YEAR)
                .queryParam("page", 1).queryParam("size", 3).get("/api/v1/households/alerts").then().statusCode(200)
                .body("items.householdCode", equalTo(List.of(prefix + "E"))).body("total", equalTo(4));
        String csv = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", village)
                .queryParam("year", ALERT_YEAR).get("/api/v1/exports/alerts").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().skip(1)).hasSize(4);
        assertThat(csv.lines().filter(l -> l.startsWith(prefix + "E")).findFirst().orElseThrow())
                .contains("5000.00", "10000.00", "6000.00", "低于监测线、收入大幅缩减");

        // no line for the year: 422; the national root is no province: 400; another region: 403
        Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", village).queryParam("year", ALERT_YEAR + 1)
                .get("/api/v1/households/alerts").then().statusCode(422);
        Api.asNationalBureau().queryParam("year", ALERT_YEAR).get("/api/v1/households/alerts").then().statusCode(400);
        Api.asBureau(Fixtures.WUQING).queryParam("regionCode", village).queryParam("year", ALERT_YEAR)
                .get("/api/v1/households/alerts").then().statusCode(403);
    }
}
