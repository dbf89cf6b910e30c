package cn.bangfu.market.trade;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

@QuarkusTest
class AgreementResourceTest {

    @BeforeEach
    void regions() {
        Fixtures.standardRegions();
    }

    private Map<String, Object> agreement(String seller) {
        return Map.of("title", "2026年津静消费帮扶协议", "buyerRegionCode", Fixtures.TIANJIN,
                "sellerRegionCode", seller, "year", 2026, "targetFen", 500_000_000L);
    }

    @Test
    void onlyABureauContainingTheSellerRegionCreates() {
        Api.asBureau(Fixtures.GANSU).body(agreement(Fixtures.JINGNING)).post("/api/v1/agreements")
                .then().statusCode(201).body("targetFen", equalTo(500_000_000)).body("year", equalTo(2026))
                .body("buyerRegionCode", equalTo(Fixtures.TIANJIN));
        Api.asBureau(Fixtures.WUQING).body(agreement(Fixtures.JINGNING)).post("/api/v1/agreements")
                .then().statusCode(403);
        Api.asBuyer(1).body(agreement(Fixtures.JINGNING)).post("/api/v1/agreements").then().statusCode(403);
        Api.asNationalBureau().body(agreement("629999")).post("/api/v1/agreements").then().statusCode(422);
        Api.asNationalBureau().body(Map.of("title", "x", "buyerRegionCode", Fixtures.TIANJIN,
                "sellerRegionCode", Fixtures.JINGNING, "year", 2026, "targetFen", 0)).post("/api/v1/agreements")
                .then().statusCode(400).body("violations[0].field", equalTo("targetFen"));
    }

    @Test
    void progressCountsDeliveredMinusReturned() {
        long agreement = Fixtures.newAgreement(2026, 5_000_000L);
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 5990, "stock", 1000));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "TRADE_UNION");
        String path = "/api/v1/agreements/" + agreement + "/progress";
        Api.asBuyer(buyer).get(path).then().statusCode(200).body("targetFen", equalTo(5_000_000))
                .body("realizedFen", equalTo(0)).body("realizedBp", equalTo(0)).body("orders", equalTo(0));

        long first = Fixtures.placeOrder(buyer, agreement, apple, 100); // 599,000
        long second = Fixtures.placeOrder(buyer, agreement, apple, 10); // 59,900
        Fixtures.placeOrder(buyer, agreement, apple, 7); // placed only
        Fixtures.placeOrder(buyer, null, apple, 5); // outside the agreement
        Fixtures.deliver(first, cooperative, buyer);
        Fixtures.deliver(second, cooperative, buyer);
        Api.asNationalBureau().get(path).then().statusCode(200)
                .body("realizedFen", equalTo(658_900))
                .body("realizedBp", equalTo(1318)) // 658,900 / 5,000,000 = 1317.8 bp
                .body("orders", equalTo(2));

        long line = Api.asBuyer(buyer).get("/api/v1/orders/" + second).then().extract().jsonPath().getLong("lines[0].id");
        Api.asBuyer(buyer).post("/api/v1/orders/" + second + "/lines/" + line + "/return").then().statusCode(200);
        Api.asCooperative(cooperative).get(path).then().statusCode(200)
                .body("realizedFen", equalTo(599_000)).body("realizedBp", equalTo(1198));
        Api.anonymous().get(path).then().statusCode(401);
        Api.asNationalBureau().get("/api/v1/agreements/987654321/progress").then().statusCode(404);
        Api.asNationalBureau().get("/api/v1/agreements/" + agreement).then().statusCode(200)
                .body("sellerRegionCode", equalTo(Fixtures.JINGNING));
    }

    @Test
    void onlyItsPartiesReadAnAgreement() {
        long agreement = Fixtures.newAgreement(2026, 5_000_000L); // 天津市 buys from 静宁县
        long seller = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        long farBuyer = Fixtures.newBuyer(Fixtures.PINGLIANG, "ENTERPRISE");
        long farSeller = Fixtures.newCooperative(Fixtures.PINGLIANG, true); // 平凉市, not inside 静宁县
        for (String path : List.of("/api/v1/agreements/" + agreement, "/api/v1/agreements/" + agreement + "/progress")) {
            for (RequestSpecification party : List.of(Api.asBureau(Fixtures.JINGNING), Api.asBureau(Fixtures.GANSU),
                    Api.asBureau(Fixtures.TIANJIN), Api.asNationalBureau(), Api.asBuyer(buyer), Api.asCooperative(seller))) {
                party.get(path).then().statusCode(200).body("targetFen", equalTo(5_000_000));
            }
            // 武清区 holds neither party's region (as in the list); the others are outside theirs
            for (RequestSpecification outsider : List.of(Api.asBureau(Fixtures.WUQING), Api.asBuyer(farBuyer),
                    Api.asCooperative(farSeller), Api.asBuyer(987_654_321))) {
                String refusal = outsider.get(path).then().statusCode(403).contentType("application/problem+json")
                        .extract().asString();
                assertThat(refusal).as(path).doesNotContain(Fixtures.JINGNING).doesNotContain(Fixtures.TIANJIN);
            }
        }
    }

    @Test
    void bureauListsTheAgreementsWithAPartyInItsRegion() {
        int year = 2040 + java.util.concurrent.ThreadLocalRandom.current().nextInt(50);
        long thisYear = Fixtures.newAgreement(year, 1_000_000);
        long nextYear = Fixtures.newAgreement(year + 1, 1_000_000);

        // the seller's county and province, and the buyer's province, all see it
        for (String bureau : List.of(Fixtures.JINGNING, Fixtures.GANSU, Fixtures.TIANJIN)) {
            assertThat(listedIds(bureau, year, null)).as(bureau).contains(thisYear).doesNotContain(nextYear);
        }
        Api.asBureau(Fixtures.JINGNING).queryParam("year", year).queryParam("size", 100).get("/api/v1/agreements")
                .then().statusCode(200).body("items.year", everyItem(equalTo(year)));
        // 武清区 lies in neither party's region (the buyer is the whole of 天津市)
        assertThat(listedIds(Fixtures.WUQING, year, null)).doesNotContain(thisYear);
        assertThat(listedIds(Fixtures.GANSU, year, Fixtures.JINGNING)).contains(thisYear);
        Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", Fixtures.WUQING).get("/api/v1/agreements")
                .then().statusCode(403).contentType("application/problem+json");
        Api.asBureau(Fixtures.JINGNING).queryParam("year", 1800).get("/api/v1/agreements")
                .then().statusCode(400).contentType("application/problem+json");
        Api.asBuyer(1).get("/api/v1/agreements").then().statusCode(403);
    }

    private static List<Long> listedIds(String bureau, int year, String regionCode) {
        var request = Api.asBureau(bureau).queryParam("year", year).queryParam("size", 200);
        if (regionCode != null) {
            request = request.queryParam("regionCode", regionCode);
        }
        return request.get("/api/v1/agreements").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }
}
