package cn.bangfu.market.buyers;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class BuyerResourceTest {

    @BeforeEach
    void regions() {
        Fixtures.standardRegions();
    }

    private Map<String, Object> budgetUnit() {
        return new HashMap<>(Map.of("name", "天津市武清区机关事务管理局食堂", "kind", "BUDGET_UNIT",
                "regionCode", Fixtures.WUQING, "annualFoodBudgetFen", 200_000_000L, "reserveBp", 3000));
    }

    @Test
    void registersEveryKind() {
        // any bureau may register buyers, even outside its own region
        Api.asBureau(Fixtures.JINGNING).body(budgetUnit()).post("/api/v1/buyers").then().statusCode(201)
                .body("kind", equalTo("BUDGET_UNIT")).body("reserveBp", equalTo(3000))
                .body("annualFoodBudgetFen", equalTo(200_000_000));
        for (String kind : new String[]{"TRADE_UNION", "ENTERPRISE", "RETAIL_COUNTER"}) {
            Api.asBureau(Fixtures.WUQING).body(Map.of("name", "买方", "kind", kind, "regionCode", Fixtures.WUQING))
                    .post("/api/v1/buyers").then().statusCode(201).body("kind", equalTo(kind));
        }
    }

    /**
     * A name's length is in characters, as PostgreSQL's varchar(200) and the document's maxLength count them:
     * a rare character (生僻字, here 𠮷 U+20BB7, two UTF-16 units) is one.
     */
    @Test
    void aNameOfRareCharactersIsCountedInCharacters() {
        String longest = "𠮷".repeat(200);
        Map<String, Object> buyer = budgetUnit();
        buyer.put("name", longest);
        long id = Api.asNationalBureau().body(buyer).post("/api/v1/buyers").then().statusCode(201)
                .body("name", equalTo(longest)).extract().jsonPath().getLong("id");
        Api.asNationalBureau().get("/api/v1/buyers/" + id).then().statusCode(200).body("name", equalTo(longest));
        buyer.put("name", longest + "王");
        Api.asNationalBureau().body(buyer).post("/api/v1/buyers").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("name"))
                .body("violations[0].message", containsString("200"));
    }

    @Test
    void budgetUnitRules() {
        Map<String, Object> low = budgetUnit();
        low.put("reserveBp", 999);
        Api.asNationalBureau().body(low).post("/api/v1/buyers").then().statusCode(400)
                .body("violations[0].field", equalTo("reserveBp"));
        // the defaults are optional (annualFoodBudgetFen?, reserveBp?): without them the reserve report
        // needs the year's filing
        Map<String, Object> withoutDefaults = budgetUnit();
        withoutDefaults.remove("reserveBp");
        withoutDefaults.remove("annualFoodBudgetFen");
        long unit = Api.asNationalBureau().body(withoutDefaults).post("/api/v1/buyers").then().statusCode(201)
                .body("annualFoodBudgetFen", nullValue()).body("reserveBp", nullValue())
                .extract().jsonPath().getLong("id");
        Api.asNationalBureau().queryParam("year", 2026).get("/api/v1/buyers/" + unit + "/reserve").then()
                .statusCode(422).contentType("application/problem+json").body("violations[0].field", equalTo("year"));
        Api.asBuyer(unit).body(Map.of("foodBudgetFen", 10_000, "reserveBp", 2000))
                .put("/api/v1/buyers/" + unit + "/reserves/2026").then().statusCode(200);
        reserve(unit, 2026).body("filed", equalTo(true)).body("reservedFen", equalTo(2_000));
        Api.asNationalBureau().queryParam("year", 2025).get("/api/v1/buyers/" + unit + "/reserve").then()
                .statusCode(422);
        Map<String, Object> shareOnly = budgetUnit();
        shareOnly.remove("annualFoodBudgetFen");
        long shareOnlyUnit = Api.asNationalBureau().body(shareOnly).post("/api/v1/buyers").then().statusCode(201)
                .body("reserveBp", equalTo(3000)).extract().jsonPath().getLong("id");
        Api.asNationalBureau().queryParam("year", 2026).get("/api/v1/buyers/" + shareOnlyUnit + "/reserve").then()
                .statusCode(422).body("detail", containsString("foodBudgetFen"));
        Map<String, Object> foreign = new HashMap<>(Map.of("name", "企业", "kind", "ENTERPRISE",
                "regionCode", Fixtures.WUQING, "reserveBp", 2000));
        Api.asNationalBureau().body(foreign).post("/api/v1/buyers").then().statusCode(400)
                .body("violations[0].field", equalTo("reserveBp"));
        Map<String, Object> unknownRegion = budgetUnit();
        unknownRegion.put("regionCode", "129999");
        Api.asNationalBureau().body(unknownRegion).post("/api/v1/buyers").then().statusCode(422);
        Api.asBuyer(1).body(budgetUnit()).post("/api/v1/buyers").then().statusCode(403);
        Api.anonymous().body(budgetUnit()).post("/api/v1/buyers").then().statusCode(401);
    }

    @Test
    void reserveReportsSpendingDeliveredMinusReturned() {
        long buyer = Api.asNationalBureau().body(budgetUnit()).post("/api/v1/buyers").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 5990, "stock", 1000));
        long beef = Fixtures.newProduct(cooperative, Map.of("priceFen", 12800, "stock", 1000));
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        String path = "/api/v1/buyers/" + buyer + "/reserve";
        Api.asBuyer(buyer).queryParam("year", year).get(path).then().statusCode(200)
                .body("reservedFen", equalTo(60_000_000)).body("spentFen", equalTo(0)).body("spentBp", equalTo(0));

        long delivered = Fixtures.placeOrder(buyer, null, apple, 100, beef, 10);
        Fixtures.deliver(delivered, cooperative, buyer);
        Fixtures.placeOrder(buyer, null, apple, 50); // placed only: not spent
        long spent = 100 * 5990 + 10 * 12800; // 727,000
        Api.asBuyer(buyer).queryParam("year", year).get(path).then().statusCode(200)
                .body("year", equalTo(year))
                .body("annualFoodBudgetFen", equalTo(200_000_000))
                .body("reserveBp", equalTo(3000))
                .body("reservedFen", equalTo(60_000_000))
                .body("spentFen", equalTo((int) spent))
                .body("spentBp", equalTo(36)) // 727,000 / 200,000,000 = 36.35 bp
                .body("remainingFen", equalTo((int) (60_000_000 - spent)))
                .body("reached", equalTo(false));

        long beefLine = Api.asBuyer(buyer).get("/api/v1/orders/" + delivered).then().extract().jsonPath()
                .getLong("lines[1].id");
        Api.asBuyer(buyer).post("/api/v1/orders/" + delivered + "/lines/" + beefLine + "/return").then().statusCode(200);
        Api.asNationalBureau().get(path).then().statusCode(200).body("spentFen", equalTo(599_000));
        Api.asNationalBureau().queryParam("year", year - 1).get(path).then().statusCode(200).body("spentFen", equalTo(0));

        long other = Fixtures.newBuyer(Fixtures.WUQING, "BUDGET_UNIT");
        Api.asBuyer(other).get(path).then().statusCode(403);
        long enterprise = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Api.asNationalBureau().get("/api/v1/buyers/" + enterprise + "/reserve").then().statusCode(422);
        Api.asNationalBureau().get("/api/v1/buyers/987654321/reserve").then().statusCode(404);
        Api.asNationalBureau().queryParam("year", "20x6").get(path).then().statusCode(400);
        Api.asBuyer(buyer).get("/api/v1/buyers/" + buyer).then().statusCode(200).body("kind", equalTo("BUDGET_UNIT"));
        Api.asBuyer(other).get("/api/v1/buyers/" + buyer).then().statusCode(403);
    }

    @Test
    void bureauListsTheBuyersOfItsRegionByKind() {
        long union = Fixtures.newBuyer(Fixtures.WUQING, "TRADE_UNION");
        long canteen = Fixtures.newBuyer(Fixtures.WUQING, "BUDGET_UNIT");

        List<Long> wuqing = listedIds(() -> Api.asBureau(Fixtures.TIANJIN).queryParam("regionCode", Fixtures.WUQING));
        assertThat(wuqing).contains(union, canteen).isSorted().doesNotHaveDuplicates();
        List<Long> unions = listedIds(() -> Api.asBureau(Fixtures.WUQING).queryParam("kind", "TRADE_UNION"));
        assertThat(unions).contains(union).doesNotContain(canteen);
        // another bureau lists none of them, and may not ask for that region
        assertThat(listedIds(() -> Api.asBureau(Fixtures.JINGNING))).doesNotContain(union, canteen);
        Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", Fixtures.WUQING).get("/api/v1/buyers")
                .then().statusCode(403).contentType("application/problem+json");
        Api.asBuyer(union).get("/api/v1/buyers").then().statusCode(403);
        Api.anonymous().get("/api/v1/buyers").then().statusCode(401);
        Api.asBureau(Fixtures.WUQING).queryParam("kind", "CANTEEN").get("/api/v1/buyers")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theYearsFilingAndTheChildrensDeliveriesMakeTheReserveReport() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        long unit = Fixtures.newBuyer(Fixtures.WUQING, "BUDGET_UNIT"); // defaults: 100,000,000 fen, 3000 bp
        long union = Api.asBureau(Fixtures.WUQING).body(Map.of("name", "武清区教育局工会", "kind", "TRADE_UNION",
                        "regionCode", Fixtures.WUQING, "parentBuyerId", unit))
                .post("/api/v1/buyers").then().statusCode(201).body("parentBuyerId", equalTo((int) unit))
                .extract().jsonPath().getLong("id");
        long stranger = Fixtures.newBuyer(Fixtures.WUQING, "TRADE_UNION");
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("stock", 100, "priceFen", 1_000));
        for (long[] order : new long[][] {{unit, 2}, {union, 3}, {stranger, 5}}) {
            Fixtures.deliver(Fixtures.placeOrder(order[0], null, apple, order[1]), cooperative, order[0]);
        }

        // no filing yet: the buyer's defaults; the union's 3,000 counts toward the unit, the stranger's not
        reserve(unit, year).body("filed", equalTo(false)).body("reserveBp", equalTo(3000))
                .body("reservedFen", equalTo(30_000_000)).body("spentFen", equalTo(5_000));
        Api.asBuyer(unit).body(Map.of("foodBudgetFen", 40_000, "reserveBp", 2500))
                .put("/api/v1/buyers/" + unit + "/reserves/" + year).then().statusCode(200)
                .body("foodBudgetFen", equalTo(40_000)).body("noCanteen", equalTo(false));
        reserve(unit, year).body("filed", equalTo(true)).body("annualFoodBudgetFen", equalTo(40_000))
                .body("reservedFen", equalTo(10_000)).body("spentFen", equalTo(5_000)).body("spentBp", equalTo(1250))
                .body("remainingFen", equalTo(5_000)).body("reached", equalTo(false));
        // filed again, it replaces the year's filing
        Api.asBureau(Fixtures.WUQING).body(Map.of("foodBudgetFen", 16_000, "reserveBp", 2500))
                .put("/api/v1/buyers/" + unit + "/reserves/" + year).then().statusCode(200);
        reserve(unit, year).body("reservedFen", equalTo(4_000)).body("remainingFen", equalTo(0))
                .body("reached", equalTo(true));
        // a year without a canteen reserves nothing; a year without a filing keeps the defaults
        Api.asBuyer(unit).body(Map.of("noCanteen", true)).put("/api/v1/buyers/" + unit + "/reserves/" + (year + 1))
                .then().statusCode(200).body("noCanteen", equalTo(true));
        reserve(unit, year + 1).body("noCanteen", equalTo(true)).body("reservedFen", equalTo(0))
                .body("reached", equalTo(true));
        reserve(unit, year - 1).body("filed", equalTo(false)).body("reservedFen", equalTo(30_000_000))
                .body("spentFen", equalTo(0));
    }

    @Test
    void reserveFilingsAndParentsAreChecked() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        long unit = Fixtures.newBuyer(Fixtures.WUQING, "BUDGET_UNIT");
        long union = Fixtures.newBuyer(Fixtures.WUQING, "TRADE_UNION");
        String path = "/api/v1/buyers/" + unit + "/reserves/" + year;
        Api.asBuyer(union).body(Map.of("noCanteen", true)).put(path).then().statusCode(403);
        Api.asBureau(Fixtures.WUQING).body(Map.of("noCanteen", true))
                .put("/api/v1/buyers/" + union + "/reserves/" + year).then().statusCode(422);
        Api.asBureau(Fixtures.WUQING).body(Map.of("noCanteen", true, "reserveBp", 2000)).put(path)
                .then().statusCode(400).contentType("application/problem+json");
        Api.asBureau(Fixtures.WUQING).body(Map.of("foodBudgetFen", 1_000)).put(path).then().statusCode(400);
        Api.asBureau(Fixtures.WUQING).body(Map.of("foodBudgetFen", 1_000, "reserveBp", 500)).put(path)
                .then().statusCode(400);
        Api.asBureau(Fixtures.WUQING).body(Map.of("noCanteen", true))
                .put("/api/v1/buyers/" + unit + "/reserves/1999").then().statusCode(400);
        Api.asBureau(Fixtures.WUQING).body(Map.of("noCanteen", true))
                .put("/api/v1/buyers/987654321/reserves/" + year).then().statusCode(404);
        // a parent is a budget unit, and only a trade union or an enterprise has one
        Api.asBureau(Fixtures.WUQING).body(Map.of("name", "工会", "kind", "TRADE_UNION", "regionCode", Fixtures.WUQING,
                "parentBuyerId", union)).post("/api/v1/buyers").then().statusCode(422);
        Api.asBureau(Fixtures.WUQING).body(Map.of("name", "工会", "kind", "TRADE_UNION", "regionCode", Fixtures.WUQING,
                "parentBuyerId", 987654321)).post("/api/v1/buyers").then().statusCode(422);
        Api.asBureau(Fixtures.WUQING).body(Map.of("name", "食堂", "kind", "BUDGET_UNIT", "regionCode", Fixtures.WUQING,
                        "annualFoodBudgetFen", 1_000, "reserveBp", 2000, "parentBuyerId", unit))
                .post("/api/v1/buyers").then().statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse reserve(long unit, int year) {
        return Api.asBureau(Fixtures.WUQING).queryParam("year", year).get("/api/v1/buyers/" + unit + "/reserve")
                .then().statusCode(200);
    }

    /** Every buyer id listed for the caller and filters, page after page (the shared database holds many). */
    private static List<Long> listedIds(Supplier<RequestSpecification> caller) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = caller.get().queryParam("page", page).queryParam("size", 100).get("/api/v1/buyers")
                    .then().statusCode(200).extract().jsonPath();
            ids.addAll(body.getList("items.id", Long.class));
            if ((long) (page + 1) * 100 >= body.getLong("total")) {
                return ids;
            }
        }
    }
}
