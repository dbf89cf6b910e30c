package cn.bangfu.market.income;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class IncomeEngineTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    private String village;
    private long cooperative;
    private long buyer;
    private String prefix;

    @BeforeEach
    void setUp() {
        Fixtures.standardRegions();
        village = Fixtures.newJingningVillage();
        cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        prefix = Fixtures.uniqueCode("W");
    }

    private JsonPath ledgerOf(long cooperativeId) {
        return Api.asBureau(Fixtures.JINGNING).queryParam("cooperativeId", cooperativeId).queryParam("size", 200)
                .get("/api/v1/contributions").then().statusCode(200).extract().jsonPath();
    }

    private long household(String suffix) {
        return Fixtures.newHousehold(village, prefix + suffix, 3);
    }

    /** income-rules.md §6, amount for amount. */
    @Test
    void workedExample() {
        long apple = Fixtures.newProduct(cooperative, Map.of("name", "静宁苹果", "unit", "箱", "priceFen", 5990,
                "householdShareBp", 1000));
        long h1 = household("H-001");
        long h2 = household("H-002");
        long h3 = household("H-003");
        long l1 = Fixtures.newLink(cooperative, h1, "SALES_SHARE", "2026-01-01", Map.of("weight", 2));
        Fixtures.newLink(cooperative, h2, "SALES_SHARE", "2026-01-01", Map.of("weight", 1));
        Fixtures.newLink(cooperative, h3, "SALES_SHARE", "2026-01-01", Map.of("weight", 1));

        long order = Fixtures.placeOrder(buyer, null, apple, 3);
        long line = Api.asBuyer(buyer).get("/api/v1/orders/" + order).then().body("lines[0].amountFen", equalTo(17970))
                .extract().jsonPath().getLong("lines[0].id");
        Fixtures.deliver(order, cooperative, buyer);

        JsonPath ledger = ledgerOf(cooperative);
        assertThat(ledger.getList("items.householdCode", String.class))
                .containsExactly(prefix + "H-001", prefix + "H-002", prefix + "H-003");
        assertThat(ledger.getList("items.amountFen", Long.class)).containsExactly(899L, 449L, 449L);
        assertThat(ledger.getList("items.mechanism", String.class)).containsOnly("SALES_SHARE");
        assertThat(ledger.getList("items.sourceType", String.class)).containsOnly("ORDER_LINE");
        assertThat(ledger.getList("items.sourceId", Long.class)).containsOnly(line);
        assertThat(ledger.getList("items.date", String.class)).containsOnly(TODAY);
        assertThat(ledger.getLong("items[0].linkId")).isEqualTo(l1);
        assertThat(ledger.getInt("total")).isEqualTo(3);

        Api.asBureau(Fixtures.JINGNING).queryParam("year", YEAR).get("/api/v1/households/" + h1 + "/income")
                .then().statusCode(200).body("contributionsFen", equalTo(899))
                .body("byMechanism.SALES_SHARE", equalTo(899)).body("byMechanism.DIVIDEND", equalTo(0));
    }

    @Test
    void deliveryWithoutActiveLinksRecordsNothingAndReturnIsExactNegation() {
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 1000, "householdShareBp", 2500));
        long h1 = household("A");
        // a link that starts next year is not active today
        Fixtures.newLink(cooperative, h1, "SALES_SHARE", (YEAR + 1) + "-01-01", Map.of("weight", 1));
        long first = Fixtures.placeOrder(buyer, null, apple, 1);
        Fixtures.deliver(first, cooperative, buyer);
        assertThat(ledgerOf(cooperative).getInt("total")).isZero();
        Api.asBuyer(buyer).get("/api/v1/orders/" + first).then().body("status", equalTo("DELIVERED"));

        long h2 = household("B");
        long h3 = household("C");
        Fixtures.newLink(cooperative, h2, "SALES_SHARE", "2026-01-01", Map.of("weight", 3));
        Fixtures.newLink(cooperative, h3, "SALES_SHARE", "2026-01-01", Map.of("weight", 4, "productId", apple));
        long second = Fixtures.placeOrder(buyer, null, apple, 7); // A = 7000, P = 1750 → 750 / 1000
        Fixtures.deliver(second, cooperative, buyer);
        long line = Api.asBuyer(buyer).get("/api/v1/orders/" + second).then().extract().jsonPath().getLong("lines[0].id");
        Api.asBuyer(buyer).post("/api/v1/orders/" + second + "/lines/" + line + "/return").then().statusCode(200);

        JsonPath ledger = ledgerOf(cooperative);
        assertThat(ledger.getList("items.amountFen", Long.class)).containsExactly(750L, 1000L, -750L, -1000L);
        assertThat(ledger.getList("items.householdId", Long.class)).containsExactly(h2, h3, h2, h3);
        assertThat(ledger.getList("items.sourceId", Long.class)).containsOnly(line);
        assertThat(ledger.getLong("items[2].reversalOf")).isEqualTo(ledger.getLong("items[0].id"));
        assertThat(ledger.getList("items.date", String.class)).containsOnly(TODAY);
        Api.asBureau(Fixtures.JINGNING).get("/api/v1/households/" + h3 + "/income").then().statusCode(200)
                .body("contributionsFen", equalTo(0)).body("year", equalTo(YEAR));
    }

    @Test
    void laterEditsNeverChangeRecordedRows() {
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 1000, "householdShareBp", 1000));
        long h1 = household("A");
        long h2 = household("B");
        long link1 = Fixtures.newLink(cooperative, h1, "SALES_SHARE", "2026-01-01", Map.of("weight", 1));
        Fixtures.newLink(cooperative, h2, "SALES_SHARE", "2026-01-01", Map.of("weight", 1));
        long first = Fixtures.placeOrder(buyer, null, apple, 10); // P = 1000 → 500 / 500
        Fixtures.deliver(first, cooperative, buyer);

        // the weights change: h1's link ends yesterday and a heavier one starts today; the share doubles
        String yesterday = LocalDate.parse(TODAY).minusDays(1).toString();
        if (LocalDate.parse(yesterday).isBefore(LocalDate.of(2026, 1, 1))) {
            yesterday = "2026-01-01";
        }
        Api.asNationalBureau().body(Map.of("date", yesterday)).post("/api/v1/links/" + link1 + "/end").then().statusCode(200);
        Fixtures.newLink(cooperative, h1, "SALES_SHARE", LocalDate.parse(yesterday).plusDays(1).toString(),
                Map.of("weight", 3));
        Api.asCooperative(cooperative).body(Map.of("householdShareBp", 2000, "priceFen", 2000))
                .patch("/api/v1/products/" + apple).then().statusCode(200);
        long second = Fixtures.placeOrder(buyer, null, apple, 10); // A = 20000, P = 4000 → 3000 / 1000
        Fixtures.deliver(second, cooperative, buyer);

        JsonPath ledger = ledgerOf(cooperative);
        assertThat(ledger.getList("items.amountFen", Long.class)).containsExactly(500L, 500L, 3000L, 1000L);
    }

    @Test
    void procurementPaysAtLeastTheFloorPrice() {
        long potato = Fixtures.newProduct(cooperative, Map.of("name", "马铃薯", "category", "VEGETABLE", "unit", "kg"));
        long h1 = household("A");
        String path = "/api/v1/cooperatives/" + cooperative + "/procurements";
        // no link yet
        Api.recording(cooperative).body(Map.of("householdId", h1, "productId", potato, "quantity", 100,
                "unitPriceFen", 120, "date", "2026-09-01")).post(path).then().statusCode(422);
        long link = Fixtures.newLink(cooperative, h1, "PROCUREMENT", "2026-01-01",
                Map.of("productId", potato, "floorPriceFen", 150));
        // market price below the floor: paid at the floor. 1234.567 kg × 150 = 185,185.05
        Api.recording(cooperative).body(Map.of("householdId", h1, "productId", potato, "quantity", 1234.567,
                        "unitPriceFen", 120, "date", "2026-09-01")).post(path).then().statusCode(201)
                .body("contributions.size()", equalTo(1))
                .body("contributions[0].amountFen", equalTo(185185))
                .body("contributions[0].mechanism", equalTo("PROCUREMENT"))
                .body("contributions[0].sourceType", equalTo("PROCUREMENT"))
                .body("contributions[0].linkId", equalTo((int) link))
                .body("contributions[0].householdCode", equalTo(prefix + "A"))
                .body("contributions[0].date", equalTo("2026-09-01"));
        // above the floor: paid the market price. 2.345 × 350 = 820.75 → 821
        Api.recording(cooperative).body(Map.of("householdId", h1, "productId", potato, "quantity", 2.345,
                "unitPriceFen", 350, "date", "2026-09-02")).post(path).then().statusCode(201)
                .body("contributions[0].amountFen", equalTo(821));
        // before the link, more than 3 decimals, another cooperative's product
        Api.recording(cooperative).body(Map.of("householdId", h1, "productId", potato, "quantity", 1,
                "unitPriceFen", 350, "date", "2025-12-31")).post(path).then().statusCode(422);
        Api.recording(cooperative).body(Map.of("householdId", h1, "productId", potato, "quantity", 1.2345,
                "unitPriceFen", 350, "date", "2026-09-02")).post(path).then().statusCode(400);
        // trailing zeros are no places: 2.34500 is 2.345
        Api.recording(cooperative).body("{\"householdId\": " + h1 + ", \"productId\": " + potato
                        + ", \"quantity\": 2.34500, \"unitPriceFen\": 350, \"date\": \"2026-09-03\"}")
                .post(path).then().statusCode(201).body("contributions[0].amountFen", equalTo(821));
        long other = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long foreign = Fixtures.newProduct(other, Map.of());
        Api.recording(cooperative).body(Map.of("householdId", h1, "productId", foreign, "quantity", 1,
                "unitPriceFen", 350, "date", "2026-09-02")).post(path).then().statusCode(422);
    }

    @Test
    void wagesByDaysWorked() {
        long h1 = household("A");
        String path = "/api/v1/cooperatives/" + cooperative + "/wages";
        Api.recording(cooperative).body(Map.of("householdId", h1, "days", 2.5, "date", "2026-05-01"))
                .post(path).then().statusCode(422);
        Fixtures.newLink(cooperative, h1, "WAGE", "2026-01-01", Map.of("dailyWageFen", 15001));
        Api.recording(cooperative).body(Map.of("householdId", h1, "days", 2.5, "date", "2026-05-01"))
                .post(path).then().statusCode(201).body("contributions[0].amountFen", equalTo(37503)); // 37502.5
        Api.recording(cooperative).body(Map.of("householdId", h1, "days", 31, "date", "2026-05-31"))
                .post(path).then().statusCode(201).body("contributions[0].amountFen", equalTo(465031));
        Api.recording(cooperative).body(Map.of("householdId", h1, "days", 31.5, "date", "2026-05-01"))
                .post(path).then().statusCode(400).body("violations[0].field", equalTo("days"));
        Api.recording(cooperative).body(Map.of("householdId", h1, "days", 1.25, "date", "2026-05-01"))
                .post(path).then().statusCode(400);
        // places are the value's: 2.50 days has one, 1e1 days is 10; an absurd exponent is refused unexpanded
        Api.recording(cooperative).body("{\"householdId\": " + h1 + ", \"days\": 2.50, \"date\": \"2026-05-02\"}")
                .post(path).then().statusCode(201).body("contributions[0].amountFen", equalTo(37503));
        Api.recording(cooperative).body("{\"householdId\": " + h1 + ", \"days\": 1e1, \"date\": \"2026-05-03\"}")
                .post(path).then().statusCode(201).body("contributions[0].amountFen", equalTo(150010));
        Api.recording(cooperative).body("{\"householdId\": " + h1 + ", \"days\": 1e999999999, \"date\": \"2026-05-03\"}")
                .post(path).then().statusCode(400).body("violations.field", hasItem("days"));
        Api.recording(cooperative).body(Map.of("householdId", h1, "days", 0, "date", "2026-05-01"))
                .post(path).then().statusCode(400);
        // an unknown household and one of another region are answered alike: no id is confirmed to exist
        String unknown = Api.recording(cooperative).body(Map.of("householdId", 987654321, "days", 1, "date", "2026-05-01"))
                .post(path).then().statusCode(422).extract().path("detail");
        long elsewhere = Fixtures.newHousehold(Fixtures.newVillage(Fixtures.newTownship(Fixtures.WUQING)),
                Fixtures.uniqueCode("W"), 3);
        String unlinked = Api.recording(cooperative).body(Map.of("householdId", elsewhere, "days", 1, "date", "2026-05-01"))
                .post(path).then().statusCode(422).extract().path("detail");
        assertThat(unlinked.replace(Long.toString(elsewhere), "ID")).isEqualTo(unknown.replace("987654321", "ID"));
    }

    @Test
    void dividendsSplitByWeight() {
        long h1 = household("A");
        long h2 = household("B");
        long h3 = household("C");
        String path = "/api/v1/cooperatives/" + cooperative + "/dividends";
        Api.recording(cooperative).body(Map.of("amountFen", 100_000, "date", "2026-06-30", "note", "无人入股"))
                .post(path).then().statusCode(201).body("contributions.size()", equalTo(0));
        Fixtures.newLink(cooperative, h1, "DIVIDEND", "2026-01-01", Map.of("weight", 1));
        Fixtures.newLink(cooperative, h2, "DIVIDEND", "2026-01-01", Map.of("weight", 1));
        Fixtures.newLink(cooperative, h3, "DIVIDEND", "2026-07-01", Map.of("weight", 5)); // not yet active
        Api.recording(cooperative).body(Map.of("amountFen", 100_001, "date", "2026-06-30", "note", "2026年中分红"))
                .post(path).then().statusCode(201)
                .body("contributions.amountFen", org.hamcrest.Matchers.contains(50001, 50000))
                .body("contributions.sourceType", org.hamcrest.Matchers.contains("DIVIDEND", "DIVIDEND"));
        Api.recording(cooperative).body(Map.of("amountFen", 0, "date", "2026-06-30")).post(path).then().statusCode(400);
    }

    @Test
    void landRentAccruesByActiveDaysAndNeverTwice() {
        long h1 = household("A");
        long h2 = household("B");
        Fixtures.newLink(cooperative, h1, "LAND_RENT", "2026-01-01", Map.of("areaMu", 2.35, "rentPerMuPerYearFen", 80000));
        Fixtures.newLink(cooperative, h2, "LAND_RENT", "2026-03-01", Map.of("areaMu", 10, "rentPerMuPerYearFen", 36500));
        String path = "/api/v1/cooperatives/" + cooperative + "/land-rent-accruals";
        Api.recording(cooperative).body(Map.of("from", "2026-01-01", "to", "2026-03-31")).post(path)
                .then().statusCode(201)
                .body("contributions.householdId", org.hamcrest.Matchers.contains((int) h1, (int) h2))
                // 2.35 × 80000 × 90 / 365 = 46356.16; 10 × 36500 × 31 / 365 = 31000
                .body("contributions.amountFen", org.hamcrest.Matchers.contains(46356, 31000))
                .body("contributions.mechanism", org.hamcrest.Matchers.contains("LAND_RENT", "LAND_RENT"));
        Api.recording(cooperative).body(Map.of("from", "2026-03-31", "to", "2026-06-30")).post(path)
                .then().statusCode(409).contentType("application/problem+json");
        Api.recording(cooperative).body(Map.of("from", "2026-04-01", "to", "2026-04-30")).post(path)
                .then().statusCode(201).body("contributions.size()", equalTo(2));
        Api.recording(cooperative).body(Map.of("from", "2026-12-01", "to", "2027-01-31")).post(path)
                .then().statusCode(400);
        Api.recording(cooperative).body(Map.of("from", "2026-06-01", "to", "2026-05-01")).post(path)
                .then().statusCode(400);
    }

    @Test
    void landRentPaysTheDaysALinkGainsLaterWithinAnEarlierRange() {
        long h1 = household("A");
        long link = Fixtures.newLink(cooperative, h1, "LAND_RENT", "2026-01-01",
                Map.of("areaMu", 1, "rentPerMuPerYearFen", 36500));
        Api.asNationalBureau().body(Map.of("date", "2026-06-30")).post("/api/v1/links/" + link + "/end")
                .then().statusCode(200);
        String path = "/api/v1/cooperatives/" + cooperative + "/land-rent-accruals";
        Api.recording(cooperative).body(Map.of("from", "2026-01-01", "to", "2026-12-31")).post(path)
                .then().statusCode(201).body("contributions.amountFen", org.hamcrest.Matchers.contains(18100));
        // the link is extended to the year's end: July to December were never paid
        Api.asNationalBureau().body(Map.of("date", "2026-12-31")).post("/api/v1/links/" + link + "/end")
                .then().statusCode(200);
        Api.recording(cooperative).body(Map.of("from", "2026-06-30", "to", "2026-07-31")).post(path)
                .then().statusCode(409).contentType("application/problem+json"); // 30 June was paid
        Api.recording(cooperative).body(Map.of("from", "2026-07-01", "to", "2026-12-31")).post(path)
                .then().statusCode(201).body("contributions.amountFen", org.hamcrest.Matchers.contains(18400));
        Api.recording(cooperative).body(Map.of("from", "2026-01-01", "to", "2026-12-31")).post(path)
                .then().statusCode(409);
    }

    @Test
    void householdIncomeMonitoringAndAtRisk() {
        long poor = Fixtures.newHousehold(village, prefix + "P", 4);
        long fine = Fixtures.newHousehold(village, prefix + "F", 1);
        Fixtures.newLink(cooperative, poor, "WAGE", "2026-01-01", Map.of("dailyWageFen", 10000));
        Fixtures.newLink(cooperative, fine, "WAGE", "2026-01-01", Map.of("dailyWageFen", 10000));
        Api.recording(cooperative).body(Map.of("householdId", poor, "days", 10, "date", "2026-04-01"))
                .post("/api/v1/cooperatives/" + cooperative + "/wages").then().statusCode(201);
        Api.recording(cooperative).body(Map.of("householdId", fine, "days", 30, "date", "2026-04-01"))
                .post("/api/v1/cooperatives/" + cooperative + "/wages").then().statusCode(201);
        Api.asNationalBureau().body(Map.of("amountFen", 1_000_001))
                .put("/api/v1/households/" + poor + "/other-income/2026").then().statusCode(200);

        // no line configured for 2026 in Gansu yet? 2031 certainly has none
        Api.asBureau(Fixtures.JINGNING).queryParam("year", 2031).get("/api/v1/households/" + poor + "/income")
                .then().statusCode(200).body("lineFen", nullValue()).body("atRisk", nullValue())
                .body("contributionsFen", equalTo(0));

        Api.asBureau(Fixtures.GANSU).body(Map.of("perCapitaFen", 800_000)).put("/api/v1/monitoring-lines/620000/2026")
                .then().statusCode(200).body("perCapitaFen", equalTo(800_000));
        Api.asBureau(Fixtures.JINGNING).queryParam("year", 2026).get("/api/v1/households/" + poor + "/income")
                .then().statusCode(200)
                .body("contributionsFen", equalTo(100_000))
                .body("byMechanism.WAGE", equalTo(100_000))
                .body("otherIncomeFen", equalTo(1_000_001))
                .body("annualIncomeFen", equalTo(1_100_001))
                .body("members", equalTo(4))
                .body("perCapitaFen", equalTo(275_000)) // floor(1,100,001 / 4)
                .body("lineFen", equalTo(800_000))
                .body("atRisk", equalTo(true));
        Api.asBureau(Fixtures.JINGNING).queryParam("year", 2026).get("/api/v1/households/" + fine + "/income")
                .then().statusCode(200).body("perCapitaFen", equalTo(300_000)).body("atRisk", equalTo(true));

        Api.asBureau(Fixtures.GANSU).body(Map.of("perCapitaFen", 290_000)).put("/api/v1/monitoring-lines/620000/2026")
                .then().statusCode(200);
        JsonPath atRisk = Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", village).queryParam("year", 2026)
                .get("/api/v1/households/at-risk").then().statusCode(200).extract().jsonPath();
        assertThat(atRisk.getList("items.householdId", Long.class)).containsExactly(poor);
        assertThat(atRisk.getLong("items[0].perCapitaFen")).isEqualTo(275_000);
        assertThat(atRisk.getString("items[0].householdCode")).isEqualTo(prefix + "P")
                .isEqualTo(atRisk.getString("items[0].code"));
        assertThat(atRisk.getLong("items[0].lineFen")).isEqualTo(290_000);
        assertThat(atRisk.getString("items[0].idNumber")).matches("620826\\*{8}\\d{3}[\\dX]");
        assertThat(atRisk.getInt("total")).isEqualTo(1);

        Api.asBureau(Fixtures.WUQING).body(Map.of("perCapitaFen", 1)).put("/api/v1/monitoring-lines/620000/2026")
                .then().statusCode(403);
        Api.asNationalBureau().body(Map.of("perCapitaFen", 1)).put("/api/v1/monitoring-lines/620826/2026")
                .then().statusCode(422);
        // Outside the caller's region, a county is refused for scope, not described by its level.
        Api.asBureau(Fixtures.WUQING).body(Map.of("perCapitaFen", 1)).put("/api/v1/monitoring-lines/620826/2026")
                .then().statusCode(403) // `instance` echoes the caller's own path
                .body("detail", not(containsString("620826"))).body("detail", not(containsString("COUNTY")));
        Api.asNationalBureau().body(Map.of("perCapitaFen", -1)).put("/api/v1/monitoring-lines/620000/2026")
                .then().statusCode(400);
        Api.asBureau(Fixtures.WUQING).queryParam("regionCode", village).get("/api/v1/households/at-risk")
                .then().statusCode(403);
    }

    @Test
    void whoMayRecordAndRead() {
        long h1 = household("A");
        long other = Fixtures.newCooperative(Fixtures.JINGNING, true);
        Map<String, Object> dividend = Map.of("amountFen", 100, "date", "2026-06-30");
        Api.asCooperative(other).body(dividend).post("/api/v1/cooperatives/" + cooperative + "/dividends")
                .then().statusCode(403);
        Api.asNationalBureau().body(dividend).post("/api/v1/cooperatives/" + cooperative + "/dividends")
                .then().statusCode(403);
        Api.anonymous().body(dividend).post("/api/v1/cooperatives/" + cooperative + "/dividends").then().statusCode(401);
        Api.asCooperative(cooperative).get("/api/v1/households/" + h1 + "/income").then().statusCode(403);
        Api.asBureau(Fixtures.WUQING).get("/api/v1/households/" + h1 + "/income").then().statusCode(403);
        Api.asNationalBureau().get("/api/v1/households/987654321/income").then().statusCode(404);
        Api.asCooperative(cooperative).get("/api/v1/contributions").then().statusCode(403);
        Api.asNationalBureau().queryParam("from", "2026-13-01").get("/api/v1/contributions").then().statusCode(400);
        Api.asBureau(Fixtures.WUQING).queryParam("regionCode", village).get("/api/v1/contributions").then().statusCode(403);
        List.of("{}", "{\"amountFen\": 1.5, \"date\": \"2026-01-01\"}", "{\"from\": \"x\"}").forEach(bad ->
                Api.recording(cooperative).body(bad).post("/api/v1/cooperatives/" + cooperative + "/dividends")
                        .then().statusCode(400));
    }
}
