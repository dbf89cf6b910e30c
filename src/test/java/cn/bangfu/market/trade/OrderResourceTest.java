package cn.bangfu.market.trade;

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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class OrderResourceTest {

    private long cooperative;
    private long apple;
    private long buyer;

    @BeforeEach
    void setUp() {
        cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 5990, "stock", 100));
        buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
    }

    private int stockOf(long product) {
        return Api.anonymous().get("/api/v1/products/" + product).then().extract().path("stock");
    }

    @Test
    void placesWithPricesFixedAndStockReserved() {
        var response = Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, apple, 3)).post("/api/v1/orders");
        JsonPath order = response.then().statusCode(201)
                .body("status", equalTo("PLACED"))
                .body("buyerId", equalTo((int) buyer))
                .body("lines[0].unitPriceFen", equalTo(5990))
                .body("lines[0].amountFen", equalTo(17970))
                .body("lines[0].quantity", equalTo(3))
                .body("lines[0].cooperativeId", equalTo((int) cooperative))
                .body("totalFen", equalTo(17970))
                .body("lines[0].status", equalTo("PLACED"))
                .extract().jsonPath();
        assertThat(response.header("Location")).endsWith("/api/v1/orders/" + order.getLong("id"));
        assertThat(stockOf(apple)).isEqualTo(97);

        // a later price change does not touch the placed line
        Api.asCooperative(cooperative).body(Map.of("priceFen", 6990)).patch("/api/v1/products/" + apple)
                .then().statusCode(200);
        Api.asBuyer(buyer).get("/api/v1/orders/" + order.getLong("id")).then().statusCode(200)
                .body("lines[0].unitPriceFen", equalTo(5990)).body("lines[0].amountFen", equalTo(17970));
    }

    @Test
    void fullLifecycleAndEveryRefusedTransition() {
        long id = Fixtures.placeOrder(buyer, null, apple, 2);
        String base = "/api/v1/orders/" + id;
        // from PLACED only confirm and cancel are allowed
        Api.asCooperative(cooperative).post(base + "/ship").then().statusCode(409).contentType("application/problem+json");
        Api.asBuyer(buyer).post(base + "/deliver").then().statusCode(409);
        long line = Api.asBuyer(buyer).get(base).then().extract().jsonPath().getLong("lines[0].id");
        Api.asBuyer(buyer).post(base + "/lines/" + line + "/return").then().statusCode(409);

        Api.asCooperative(cooperative).post(base + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        Api.asCooperative(cooperative).post(base + "/confirm").then().statusCode(409);
        Api.asBuyer(buyer).post(base + "/deliver").then().statusCode(409);

        Api.asCooperative(cooperative).post(base + "/ship").then().statusCode(200).body("status", equalTo("SHIPPED"));
        Api.asBuyer(buyer).post(base + "/cancel").then().statusCode(409);
        Api.asCooperative(cooperative).post(base + "/confirm").then().statusCode(409);

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Api.asBuyer(buyer).post(base + "/deliver").then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("deliveredOn", equalTo(today))
                .body("lines[0].status", equalTo("DELIVERED"));
        Api.asBuyer(buyer).post(base + "/deliver").then().statusCode(409);
        Api.asBuyer(buyer).post(base + "/cancel").then().statusCode(409);
        Api.asCooperative(cooperative).post(base + "/ship").then().statusCode(409);

        Api.asBuyer(buyer).post(base + "/lines/" + line + "/return").then().statusCode(200)
                .body("lines[0].returned", equalTo(true)).body("lines[0].returnedOn", equalTo(today))
                .body("lines[0].status", equalTo("RETURNED")).body("status", equalTo("DELIVERED"));
        Api.asBuyer(buyer).post(base + "/lines/" + line + "/return").then().statusCode(409);
        Api.asBuyer(buyer).post(base + "/lines/987654321/return").then().statusCode(404);
        assertThat(stockOf(apple)).isEqualTo(98); // returned goods are not restocked
    }

    @Test
    void cancelReleasesStock() {
        long id = Fixtures.placeOrder(buyer, null, apple, 10);
        assertThat(stockOf(apple)).isEqualTo(90);
        Api.asCooperative(cooperative).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        Api.asBuyer(buyer).post("/api/v1/orders/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("lines[0].status", equalTo("CANCELLED"));
        assertThat(stockOf(apple)).isEqualTo(100);
        Api.asBuyer(buyer).post("/api/v1/orders/" + id + "/cancel").then().statusCode(409);
        Api.asCooperative(cooperative).post("/api/v1/orders/" + id + "/confirm").then().statusCode(409);
    }

    @Test
    void whoMayDoEachStep() {
        long id = Fixtures.placeOrder(buyer, null, apple, 1);
        String base = "/api/v1/orders/" + id;
        long otherCooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long otherBuyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Api.asCooperative(otherCooperative).post(base + "/confirm").then().statusCode(403);
        Api.asBuyer(buyer).post(base + "/confirm").then().statusCode(403);
        Api.asNationalBureau().post(base + "/confirm").then().statusCode(403);
        Api.anonymous().post(base + "/confirm").then().statusCode(401);
        Api.asBuyer(otherBuyer).post(base + "/cancel").then().statusCode(403);
        Api.asCooperative(cooperative).post(base + "/cancel").then().statusCode(403);
        Api.asCooperative(cooperative).post("/api/v1/orders/987654321/confirm").then().statusCode(404);
        // placing for someone else
        Api.asBuyer(otherBuyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, apple, 1)).post("/api/v1/orders").then().statusCode(403);
        Api.asCooperative(cooperative).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, apple, 1)).post("/api/v1/orders").then().statusCode(403);
    }

    @Test
    void eachRoleSeesItsOwnView() {
        long pear = Fixtures.newProduct(cooperative, Map.of("name", "静宁香梨", "priceFen", 1000));
        long otherCooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long beef = Fixtures.newProduct(otherCooperative, Map.of("name", "平凉红牛", "priceFen", 12800));
        long id = Fixtures.placeOrder(buyer, null, apple, 1, beef, 2, pear, 1);
        String path = "/api/v1/orders/" + id;

        Api.asBuyer(buyer).get(path).then().statusCode(200).body("lines.size()", equalTo(3))
                .body("totalFen", equalTo(5990 + 25600 + 1000));
        Api.asCooperative(otherCooperative).get(path).then().statusCode(200)
                .body("lines.productId", contains((int) beef)).body("totalFen", equalTo(25600));
        Api.asCooperative(cooperative).get(path).then().statusCode(200)
                .body("lines.productId", contains((int) apple, (int) pear)).body("totalFen", equalTo(6990));
        Api.asBureau(Fixtures.JINGNING).get(path).then().statusCode(200).body("lines.size()", equalTo(3));
        Api.asBureau(Fixtures.WUQING).get(path).then().statusCode(200);
        Api.asBureau(Fixtures.TIANJIN).get(path).then().statusCode(200);

        long stranger = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Api.asBuyer(stranger).get(path).then().statusCode(403);
        Api.asCooperative(Fixtures.newCooperative(Fixtures.JINGNING, true)).get(path).then().statusCode(403);
        String otherCounty = Fixtures.newTownship(Fixtures.JINGNING); // a township of 静宁 holds neither side
        Api.asBureau(otherCounty).get(path).then().statusCode(403);
        Api.asBuyer(buyer).get("/api/v1/orders/987654321").then().statusCode(404);

        Api.asBuyer(buyer).queryParam("size", 200).get("/api/v1/orders").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        Api.asBuyer(stranger).get("/api/v1/orders").then().statusCode(200).body("items.id", not(hasItem((int) id)));
        Api.asCooperative(otherCooperative).get("/api/v1/orders").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.lines.productId", contains((int) beef));
        Api.asBureau(Fixtures.WUQING).queryParam("status", "PLACED").queryParam("size", 200).get("/api/v1/orders")
                .then().statusCode(200).body("items.id", hasItem((int) id));
        Api.asBureau(Fixtures.WUQING).queryParam("status", "DELIVERED").queryParam("size", 200).get("/api/v1/orders")
                .then().statusCode(200).body("items.id", not(hasItem((int) id)));
        Api.asBureau(otherCounty).queryParam("size", 200).get("/api/v1/orders").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        Api.asBuyer(buyer).queryParam("status", "LOST").get("/api/v1/orders").then().statusCode(400);
    }

    @Test
    void idempotentReplays() {
        String key = Fixtures.uniqueCode("K");
        Map<String, Object> body = Fixtures.orderBody(buyer, null, apple, 4);
        long id = Api.asBuyer(buyer).header("Idempotency-Key", key).body(body).post("/api/v1/orders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.asBuyer(buyer).header("Idempotency-Key", key).body(body).post("/api/v1/orders")
                .then().statusCode(200).body("id", equalTo((int) id)).body("lines[0].quantity", equalTo(4));
        assertThat(stockOf(apple)).isEqualTo(96);
        Api.asBuyer(buyer).header("Idempotency-Key", key).body(Fixtures.orderBody(buyer, null, apple, 5))
                .post("/api/v1/orders").then().statusCode(422).contentType("application/problem+json");
        Api.asBuyer(buyer).body(body).post("/api/v1/orders").then().statusCode(400);
        Api.asBuyer(buyer).header("Idempotency-Key", "").body(body).post("/api/v1/orders").then().statusCode(400);
        assertThat(stockOf(apple)).isEqualTo(96);
        // the same key of another buyer is another order
        long otherBuyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Api.asBuyer(otherBuyer).header("Idempotency-Key", key).body(Fixtures.orderBody(otherBuyer, null, apple, 4))
                .post("/api/v1/orders").then().statusCode(201).body("id", not(equalTo((int) id)));
    }

    /**
     * A replay answers, field for field, what the placing answered: every line, the total, the version.
     * Both are built from plain JDBC rows; the order read back through its entity says the same.
     */
    @Test
    void aReplayAnswersThePlacedOrderAsItWas() {
        long pear = Fixtures.newProduct(cooperative, Map.of("stock", 50, "priceFen", 1234));
        String key = Fixtures.uniqueCode("K");
        Map<String, Object> body = Fixtures.orderBody(buyer, null, pear, 3, apple, 2);
        Map<String, Object> placed = Api.asBuyer(buyer).header("Idempotency-Key", key).body(body)
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath().getMap("$");
        Map<String, Object> replayed = Api.asBuyer(buyer).header("Idempotency-Key", key).body(body)
                .post("/api/v1/orders").then().statusCode(200).extract().jsonPath().getMap("$");

        Map<String, Object> read = Api.asBuyer(buyer).get("/api/v1/orders/" + placed.get("id"))
                .then().statusCode(200).extract().jsonPath().getMap("$");

        assertThat(replayed).isEqualTo(placed);
        assertThat(read).isEqualTo(placed);
        assertThat(replayed.get("lines")).asList().hasSize(2);
        assertThat(((Number) replayed.get("totalFen")).longValue()).isEqualTo(3 * 1234 + 2 * 5990);
        assertThat(stockOf(pear)).isEqualTo(47);
    }

    /**
     * A replay is answered by a read: it claims no key, so it takes no order id. Orders placed around
     * replays are as far apart as orders placed one after the other (a claim takes the next id even
     * when the key turns out to be taken).
     */
    @Test
    void aReplayClaimsNothing() {
        Map<String, Object> body = Fixtures.orderBody(buyer, null, apple, 1);
        String first = Fixtures.uniqueCode("K");
        long a = Api.asBuyer(buyer).header("Idempotency-Key", first).body(body).post("/api/v1/orders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long b = Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K")).body(body)
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 0; i < 3; i++) {
            Api.asBuyer(buyer).header("Idempotency-Key", first).body(body).post("/api/v1/orders")
                    .then().statusCode(200).body("id", equalTo((int) a));
        }
        long c = Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K")).body(body)
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(c - b).isEqualTo(b - a);
        assertThat(stockOf(apple)).isEqualTo(97);
    }

    @Test
    void unavailableProductsAndShortStock() {
        String key = Fixtures.uniqueCode("K");
        Api.asBuyer(buyer).header("Idempotency-Key", key).body(Fixtures.orderBody(buyer, null, apple, 101))
                .post("/api/v1/orders").then().statusCode(409).contentType("application/problem+json");
        assertThat(stockOf(apple)).isEqualTo(100);
        // the key was not used up by the refused order
        Api.asBuyer(buyer).header("Idempotency-Key", key).body(Fixtures.orderBody(buyer, null, apple, 100))
                .post("/api/v1/orders").then().statusCode(201);
        assertThat(stockOf(apple)).isZero();

        long delisted = Fixtures.newProduct(cooperative, Map.of());
        Api.asCooperative(cooperative).body(Map.of("status", "DELISTED")).patch("/api/v1/products/" + delisted)
                .then().statusCode(200);
        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, delisted, 1)).post("/api/v1/orders").then().statusCode(422);
        long pending = Fixtures.newCooperative(Fixtures.JINGNING, false);
        long unapproved = Fixtures.newProduct(pending, Map.of());
        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, unapproved, 1)).post("/api/v1/orders").then().statusCode(422);
        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, 987654321L, 1)).post("/api/v1/orders").then().statusCode(422);
        // a refused multi-line order leaves no stock taken
        long pear = Fixtures.newProduct(cooperative, Map.of("stock", 5));
        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, pear, 2, delisted, 1)).post("/api/v1/orders").then().statusCode(422)
                .body("violations.field", equalTo(List.of("lines[1].productId")));
        assertThat(stockOf(pear)).isEqualTo(5);
        // the first refused line is named, whatever the products' order
        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, pear, 6, unapproved, 1)).post("/api/v1/orders").then().statusCode(409);
        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, unapproved, 1, pear, 6)).post("/api/v1/orders").then().statusCode(422)
                .body("violations.field", equalTo(List.of("lines[0].productId")));
        assertThat(stockOf(pear)).isEqualTo(5);
        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Map.of("buyerId", buyer, "lines", List.of())).post("/api/v1/orders").then().statusCode(400);
        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, pear, 0)).post("/api/v1/orders").then().statusCode(400);
    }

    @Test
    void agreementRules() {
        long agreement = Fixtures.newAgreement(2026, 500_000_000L);
        long id = Fixtures.placeOrder(buyer, agreement, apple, 3);
        Api.asBuyer(buyer).get("/api/v1/orders/" + id).then().body("agreementId", equalTo((int) agreement));

        // a buyer outside the agreement's buyer region
        String gansuCity = Fixtures.PINGLIANG;
        long gansuBuyer = Fixtures.newBuyer(gansuCity, "ENTERPRISE");
        String refusal = Api.asBuyer(gansuBuyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(gansuBuyer, agreement, apple, 1)).post("/api/v1/orders")
                .then().statusCode(422).body("violations.field", equalTo(List.of("agreementId")))
                .extract().asString();
        assertThat(refusal).doesNotContain(Fixtures.TIANJIN).doesNotContain(Fixtures.JINGNING); // no party's region
        // a product from outside the seller region
        long tianjinCooperative = Fixtures.newCooperative(Fixtures.WUQING, true);
        long tianjinProduct = Fixtures.newProduct(tianjinCooperative, Map.of());
        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, agreement, apple, 1, tianjinProduct, 1)).post("/api/v1/orders")
                .then().statusCode(422).body("violations.field", equalTo(List.of("lines[1].productId")));
        // the same product without the agreement: no seller region to be inside
        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, tianjinProduct, 1)).post("/api/v1/orders").then().statusCode(201);
        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, 987654321L, apple, 1)).post("/api/v1/orders").then().statusCode(422);
        // a token naming a buyer that is not registered (a token minted wrongly): 422, nothing taken; with an
        // agreement the answer names the buyer, without one the order's reference to it is refused
        Api.asBuyer(987654321L).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(987654321L, agreement, apple, 1)).post("/api/v1/orders")
                .then().statusCode(422).body("violations[0].field", equalTo("buyerId"));
        Api.asBuyer(987654321L).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(987654321L, null, apple, 1)).post("/api/v1/orders").then().statusCode(422);
        assertThat(stockOf(apple)).isEqualTo(97);
    }
}
