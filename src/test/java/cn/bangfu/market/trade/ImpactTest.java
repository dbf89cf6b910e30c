package cn.bangfu.market.trade;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

/** What a purchase did for households: equal to its contribution rows, to the fen, and never who they are. */
@QuarkusTest
class ImpactTest {

    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Test
    void anOrdersImpactIsItsContributionRows() {
        Fixtures.standardRegions();
        String township = Fixtures.newTownship(Fixtures.JINGNING);
        String east = Fixtures.newVillage(township);
        String west = Fixtures.newVillage(township);
        long apples = Fixtures.newCooperative(east, true);
        long cattle = Fixtures.newCooperative(west, true);
        long apple = Fixtures.newProduct(apples, Map.of("priceFen", 3333, "householdShareBp", 1000));
        long beef = Fixtures.newProduct(cattle, Map.of("priceFen", 10000, "householdShareBp", 500));
        String from = YEAR + "-01-01";
        long[] eastHouseholds = {Fixtures.newHousehold(east), Fixtures.newHousehold(east), Fixtures.newHousehold(east)};
        for (long household : eastHouseholds) {
            Fixtures.newLink(apples, household, "SALES_SHARE", from, Map.of("weight", 1));
        }
        long westHousehold = Fixtures.newHousehold(west);
        Fixtures.newLink(cattle, westHousehold, "SALES_SHARE", from, Map.of("weight", 1));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "BUDGET_UNIT");
        long order = Fixtures.placeOrder(buyer, null, apple, 3, beef, 2); // 9,999 and 20,000
        Api.asBuyer(buyer).get("/api/v1/orders/" + order + "/impact").then().statusCode(200)
                .body("households", org.hamcrest.Matchers.equalTo(0))
                .body("byMechanism.SALES_SHARE", org.hamcrest.Matchers.equalTo(0));
        Fixtures.deliver(order, apples, buyer);

        // pools: halfUp(9,999 × 1000 / 10000) = 1,000 over three (334, 333, 333); halfUp(20,000 × 500 / 10000) = 1,000
        JsonPath impact = Api.asBuyer(buyer).get("/api/v1/orders/" + order + "/impact").then().statusCode(200)
                .extract().jsonPath();
        assertThat(impact.getLong("householdIncomeFen")).isEqualTo(2_000L)
                .isEqualTo(contributions(order, apples) + contributions(order, cattle));
        assertThat(impact.getInt("households")).isEqualTo(4);
        assertThat(impact.getMap("byMechanism")).isEqualTo(Map.of("SALES_SHARE", 2000, "DIVIDEND", 0,
                "PROCUREMENT", 0, "WAGE", 0, "LAND_RENT", 0));
        assertThat(impact.getList("byVillage")).containsExactlyInAnyOrder(
                Map.of("villageCode", east, "villageName", impact.getString("byVillage.find { it.villageCode == '"
                        + east + "' }.villageName"), "households", 3, "householdIncomeFen", 1000),
                Map.of("villageCode", west, "villageName", impact.getString("byVillage.find { it.villageCode == '"
                        + west + "' }.villageName"), "households", 1, "householdIncomeFen", 1000));
        assertNamesNoHousehold(impact.prettify(), eastHouseholds, westHousehold);
        // shown on the delivered order itself
        assertThat(Api.asBuyer(buyer).get("/api/v1/orders/" + order).then().statusCode(200).extract().jsonPath()
                .getMap("impact")).isEqualTo(impact.getMap(""));

        // a cooperative sees the impact of its own lines
        JsonPath own = Api.asCooperative(cattle).get("/api/v1/orders/" + order + "/impact").then().statusCode(200)
                .extract().jsonPath();
        assertThat(own.getLong("householdIncomeFen")).isEqualTo(1_000L);
        assertThat(own.getList("byVillage.villageCode", String.class)).containsExactly(west);

        // a returned line takes its share back: net of returns
        long beefLine = Api.asBuyer(buyer).get("/api/v1/orders/" + order).then().extract().jsonPath()
                .getLong("lines.find { it.productId == " + beef + " }.id");
        Api.asBuyer(buyer).post("/api/v1/orders/" + order + "/lines/" + beefLine + "/return").then().statusCode(200);
        JsonPath net = Api.asBureau(Fixtures.JINGNING).get("/api/v1/orders/" + order + "/impact").then()
                .statusCode(200).extract().jsonPath();
        assertThat(net.getLong("householdIncomeFen")).isEqualTo(1_000L)
                .isEqualTo(contributions(order, apples) + contributions(order, cattle));
        assertThat(net.getInt("households")).isEqualTo(3);
        // the village whose share all went back is no longer listed
        assertThat(net.getList("byVillage.villageCode", String.class)).containsExactly(east);

        // the buyer's year: the same order, and its trade union's purchases
        Map<String, Object> union = new java.util.HashMap<>(Map.of("name", "武清区某局工会", "kind", "TRADE_UNION",
                "regionCode", Fixtures.WUQING, "parentBuyerId", buyer));
        long tradeUnion = Api.asBureau(Fixtures.WUQING).body(union).post("/api/v1/buyers").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long unionOrder = Fixtures.placeOrder(tradeUnion, null, apple, 3); // pool 1,000 again
        Fixtures.deliver(unionOrder, apples, tradeUnion);
        JsonPath year = Api.asBuyer(buyer).queryParam("year", YEAR).get("/api/v1/buyers/" + buyer + "/impact")
                .then().statusCode(200).extract().jsonPath();
        assertThat(year.getLong("householdIncomeFen")).isEqualTo(2_000L);
        assertThat(year.getInt("households")).isEqualTo(3);
        Api.asBuyer(buyer).queryParam("year", YEAR - 1).get("/api/v1/buyers/" + buyer + "/impact").then()
                .statusCode(200).body("householdIncomeFen", org.hamcrest.Matchers.equalTo(0));
        Api.asBureau(Fixtures.WUQING).get("/api/v1/buyers/" + tradeUnion + "/impact").then().statusCode(200)
                .body("householdIncomeFen", org.hamcrest.Matchers.equalTo(1000));

        // who may look
        Api.asBuyer(tradeUnion).get("/api/v1/orders/" + order + "/impact").then().statusCode(403);
        Api.asBuyer(tradeUnion).get("/api/v1/buyers/" + buyer + "/impact").then().statusCode(403);
        Api.asBureau(Fixtures.JINGNING).get("/api/v1/buyers/" + buyer + "/impact").then().statusCode(403);
        Api.asCooperative(Fixtures.newCooperative(Fixtures.JINGNING, true))
                .get("/api/v1/orders/" + order + "/impact").then().statusCode(403);
        Api.asBuyer(buyer).get("/api/v1/orders/987654321/impact").then().statusCode(404);
        // an order not delivered shows no impact on itself
        Api.asBuyer(buyer).get("/api/v1/orders/" + Fixtures.placeOrder(buyer, null, apple, 1)).then()
                .statusCode(200).body("impact", nullValue());
    }

    /** The sum of the contribution rows whose source is one of the order's lines of {@code cooperative}. */
    private static long contributions(long order, long cooperative) {
        Set<Long> lines = new HashSet<>(Api.asCooperative(cooperative).get("/api/v1/orders/" + order).then()
                .statusCode(200).extract().jsonPath().getList("lines.id", Long.class));
        List<Map<String, Object>> rows = Api.asNationalBureau().queryParam("cooperativeId", cooperative)
                .queryParam("size", 200).get("/api/v1/contributions").then().statusCode(200).extract().jsonPath()
                .getList("items");
        return rows.stream().filter(r -> "ORDER_LINE".equals(r.get("sourceType"))
                        && lines.contains(((Number) r.get("sourceId")).longValue()))
                .mapToLong(r -> ((Number) r.get("amountFen")).longValue()).sum();
    }

    /** The impact names no household: none of their codes, head names or ID numbers, and no household id field. */
    private static void assertNamesNoHousehold(String body, long[] households, long other) {
        List<Long> all = new java.util.ArrayList<>();
        for (long id : households) {
            all.add(id);
        }
        all.add(other);
        for (long id : all) {
            JsonPath household = Api.asNationalBureau().get("/api/v1/households/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(body).doesNotContain(household.getString("code")).doesNotContain(household.getString("headName"))
                    .doesNotContain(household.getString("idNumber"));
        }
        assertThat(body).doesNotContain("householdId").doesNotContain("householdCode");
    }
}
