package cn.bangfu.market.links;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class LinkResourceTest {

    private long cooperative;
    private long household;
    private long product;

    @BeforeEach
    void setUp() {
        Fixtures.standardRegions();
        cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        household = Fixtures.newHousehold(Fixtures.newJingningVillage());
        product = Fixtures.newProduct(cooperative, Map.of());
    }

    private Map<String, Object> link(String mechanism, Map<String, Object> parameters) {
        Map<String, Object> body = new HashMap<>(Map.of("cooperativeId", cooperative, "householdId", household,
                "mechanism", mechanism, "validFrom", "2026-01-01"));
        body.putAll(parameters);
        return body;
    }

    @Test
    void createsEachMechanism() {
        Api.asBureau(Fixtures.JINGNING).body(link("SALES_SHARE", Map.of("weight", 2)))
                .post("/api/v1/links").then().statusCode(201)
                .body("mechanism", equalTo("SALES_SHARE")).body("weight", equalTo(2))
                .body("productId", nullValue()).body("validTo", nullValue())
                .body("validFrom", equalTo("2026-01-01"));
        Api.asBureau(Fixtures.JINGNING).body(link("DIVIDEND", Map.of("weight", 150, "validTo", "2026-12-31")))
                .post("/api/v1/links").then().statusCode(201).body("validTo", equalTo("2026-12-31"));
        Api.asBureau(Fixtures.JINGNING).body(link("PROCUREMENT", Map.of("productId", product, "floorPriceFen", 300)))
                .post("/api/v1/links").then().statusCode(201).body("floorPriceFen", equalTo(300));
        Api.asBureau(Fixtures.JINGNING).body(link("WAGE", Map.of("dailyWageFen", 12000)))
                .post("/api/v1/links").then().statusCode(201).body("dailyWageFen", equalTo(12000));
        Api.asBureau(Fixtures.JINGNING).body(link("LAND_RENT", Map.of("areaMu", 2.35, "rentPerMuPerYearFen", 80000)))
                .post("/api/v1/links").then().statusCode(201).body("areaMu", equalTo(2.35f))
                .body("rentPerMuPerYearFen", equalTo(80000));

        Api.asBureau(Fixtures.JINGNING).queryParam("householdId", household).get("/api/v1/links")
                .then().statusCode(200).body("total", equalTo(5))
                .body("items.mechanism", containsInAnyOrder("SALES_SHARE", "DIVIDEND", "PROCUREMENT", "WAGE", "LAND_RENT"));
        Api.asBureau(Fixtures.JINGNING).queryParam("cooperativeId", cooperative).queryParam("householdId", household)
                .get("/api/v1/links").then().statusCode(200).body("total", equalTo(5));
    }

    @Test
    void rejectsMissingAndForeignParameters() {
        Api.asNationalBureau().body(link("SALES_SHARE", Map.of())).post("/api/v1/links")
                .then().statusCode(400).body("violations.field", contains("weight"));
        Api.asNationalBureau().body(link("DIVIDEND", Map.of("weight", 1, "floorPriceFen", 10))).post("/api/v1/links")
                .then().statusCode(400).body("violations.field", contains("floorPriceFen"));
        Api.asNationalBureau().body(link("PROCUREMENT", Map.of("productId", product))).post("/api/v1/links")
                .then().statusCode(400).body("violations.field", contains("floorPriceFen"));
        Api.asNationalBureau().body(link("WAGE", Map.of("dailyWageFen", 0))).post("/api/v1/links")
                .then().statusCode(400);
        Api.asNationalBureau().body(link("LAND_RENT", Map.of("areaMu", 1.234, "rentPerMuPerYearFen", 1)))
                .post("/api/v1/links").then().statusCode(400).body("violations.field", contains("areaMu"));
        Api.asNationalBureau().body(link("WAGE", Map.of("dailyWageFen", 100, "validTo", "2025-12-31")))
                .post("/api/v1/links").then().statusCode(400).body("violations.field", contains("validTo"));
        Api.asNationalBureau().body(link("BARTER", Map.of())).post("/api/v1/links").then().statusCode(400);
        Map<String, Object> noDate = link("WAGE", Map.of("dailyWageFen", 100));
        noDate.remove("validFrom");
        Api.asNationalBureau().body(noDate).post("/api/v1/links").then().statusCode(400);
    }

    @Test
    void referencesMustExistAndBelongTogether() {
        long otherCooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long foreignProduct = Fixtures.newProduct(otherCooperative, Map.of());
        Api.asNationalBureau().body(link("PROCUREMENT", Map.of("productId", foreignProduct, "floorPriceFen", 1)))
                .post("/api/v1/links").then().statusCode(422).body("violations[0].field", equalTo("productId"));
        Map<String, Object> unknownHousehold = link("WAGE", Map.of("dailyWageFen", 100));
        unknownHousehold.put("householdId", 987654321);
        Api.asNationalBureau().body(unknownHousehold).post("/api/v1/links").then().statusCode(422);
        Map<String, Object> unknownCooperative = link("WAGE", Map.of("dailyWageFen", 100));
        unknownCooperative.put("cooperativeId", 987654321);
        Api.asNationalBureau().body(unknownCooperative).post("/api/v1/links").then().statusCode(422);
    }

    @Test
    void overlappingLinksOfTheSameKindAreRefused() {
        Api.asNationalBureau().body(link("SALES_SHARE", Map.of("weight", 1, "validTo", "2026-06-30")))
                .post("/api/v1/links").then().statusCode(201);
        Api.asNationalBureau().body(link("SALES_SHARE", Map.of("weight", 3, "validFrom", "2026-06-30")))
                .post("/api/v1/links").then().statusCode(409).contentType("application/problem+json");
        // the day after is fine
        Api.asNationalBureau().body(link("SALES_SHARE", Map.of("weight", 3, "validFrom", "2026-07-01")))
                .post("/api/v1/links").then().statusCode(201);
        // a product-specific share is a different link
        Api.asNationalBureau().body(link("SALES_SHARE", Map.of("weight", 1, "productId", product)))
                .post("/api/v1/links").then().statusCode(201);
        Api.asNationalBureau().body(link("SALES_SHARE", Map.of("weight", 1, "productId", product,
                "validFrom", "2027-01-01"))).post("/api/v1/links").then().statusCode(409);
        // another mechanism, or another cooperative, is fine
        Api.asNationalBureau().body(link("DIVIDEND", Map.of("weight", 1))).post("/api/v1/links").then().statusCode(201);
        Map<String, Object> otherCooperative = link("SALES_SHARE", Map.of("weight", 1));
        otherCooperative.put("cooperativeId", Fixtures.newCooperative(Fixtures.JINGNING, true));
        Api.asNationalBureau().body(otherCooperative).post("/api/v1/links").then().statusCode(201);
    }

    @Test
    void theLocationOfANewLinkReadsIt() {
        var created = Api.asBureau(Fixtures.JINGNING).body(link("WAGE", Map.of("dailyWageFen", 12000)))
                .post("/api/v1/links").then().statusCode(201).extract();
        String location = created.header("Location");
        Map<String, Object> body = created.jsonPath().getMap("");
        Api.asBureau(Fixtures.JINGNING).get(location).then().statusCode(200)
                .body("", equalTo(body)).body("dailyWageFen", equalTo(12000));
        Api.asNationalBureau().get(location).then().statusCode(200).body("id", equalTo(body.get("id")));
        Api.asBureau(Fixtures.WUQING).get(location).then().statusCode(403).contentType("application/problem+json");
        Api.asCooperative(cooperative).get(location).then().statusCode(403);
        Api.anonymous().get(location).then().statusCode(401);
        Api.asNationalBureau().get("/api/v1/links/987654321").then().statusCode(404)
                .contentType("application/problem+json");
        Api.asNationalBureau().get("/api/v1/links/x").then().statusCode(404);
    }

    @Test
    void endsALink() {
        long id = Api.asNationalBureau().body(link("WAGE", Map.of("dailyWageFen", 12000))).post("/api/v1/links")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.asNationalBureau().body(Map.of("date", "2025-12-31")).post("/api/v1/links/" + id + "/end")
                .then().statusCode(422);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("date", "2026-03-31")).post("/api/v1/links/" + id + "/end")
                .then().statusCode(200).body("validTo", equalTo("2026-03-31"));
        // a later date corrects a mistaken end: the link is extended (api.md sets validTo to the date)
        Api.asNationalBureau().body(Map.of("date", "2026-04-30")).post("/api/v1/links/" + id + "/end")
                .then().statusCode(200).body("validTo", equalTo("2026-04-30"));
        Api.asNationalBureau().body(Map.of("date", "2026-01-01")).post("/api/v1/links/" + id + "/end")
                .then().statusCode(200).body("validTo", equalTo("2026-01-01"));
        // ended: a new WAGE link from the next day no longer overlaps
        Api.asNationalBureau().body(link("WAGE", Map.of("dailyWageFen", 13000, "validFrom", "2026-01-02")))
                .post("/api/v1/links").then().statusCode(201);
        // and the first can no longer be extended into it
        Api.asNationalBureau().body(Map.of("date", "2026-01-02")).post("/api/v1/links/" + id + "/end")
                .then().statusCode(409).contentType("application/problem+json");
        Api.asNationalBureau().queryParam("householdId", household).get("/api/v1/links").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.validTo", equalTo("2026-01-01"));
        Api.asNationalBureau().body(Map.of()).post("/api/v1/links/" + id + "/end").then().statusCode(400);
        Api.asNationalBureau().body(Map.of("date", "2026-02-30")).post("/api/v1/links/" + id + "/end")
                .then().statusCode(400);
        Api.asNationalBureau().body(Map.of("date", "2026-03-01")).post("/api/v1/links/987654321/end")
                .then().statusCode(404);
        Api.asBureau(Fixtures.WUQING).body(Map.of("date", "2026-01-01")).post("/api/v1/links/" + id + "/end")
                .then().statusCode(403);
    }

    @Test
    void bureauStaysInsideItsRegion() {
        // a cooperative in another bureau's region
        long tianjinCooperative = Fixtures.newCooperative(Fixtures.WUQING, true);
        Map<String, Object> foreign = link("SALES_SHARE", Map.of("weight", 1));
        foreign.put("cooperativeId", tianjinCooperative);
        Api.asBureau(Fixtures.JINGNING).body(foreign).post("/api/v1/links").then().statusCode(403);
        // a household in another bureau's region
        Api.asBureau(Fixtures.WUQING).body(link("SALES_SHARE", Map.of("weight", 1))).post("/api/v1/links")
                .then().statusCode(403);
        Api.anonymous().body(link("SALES_SHARE", Map.of("weight", 1))).post("/api/v1/links").then().statusCode(401);
        Api.asCooperative(cooperative).body(link("SALES_SHARE", Map.of("weight", 1))).post("/api/v1/links")
                .then().statusCode(403);
        Api.asNationalBureau().body(link("SALES_SHARE", Map.of("weight", 1))).post("/api/v1/links").then().statusCode(201);
        Api.asBureau(Fixtures.WUQING).queryParam("householdId", household).get("/api/v1/links").then().statusCode(200)
                .body("total", equalTo(0));
        Api.asCooperative(cooperative).get("/api/v1/links").then().statusCode(403);
        Api.asNationalBureau().queryParam("householdId", "x").get("/api/v1/links").then().statusCode(400);
    }

    @Test
    void concurrentOverlappingLinksCannotBothLand() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> Api.asNationalBureau().body(link("WAGE", Map.of("dailyWageFen", 100)))
                        .post("/api/v1/links").statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var r : results) {
                statuses.add(r.get());
            }
            org.assertj.core.api.Assertions.assertThat(statuses).containsOnly(201, 409);
            org.assertj.core.api.Assertions.assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }
}
