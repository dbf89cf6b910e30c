package cn.bangfu.market.trade;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** No overselling and no double orders, under real parallel HTTP requests. */
@QuarkusTest
class OrderConcurrencyTest {

    private static <T> List<T> inParallel(int n, java.util.function.IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.apply(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyBuyersCannotOversellAHundred() throws Exception {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("stock", 100));
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            buyers.add(Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE"));
        }
        // tokens are minted before the race
        buyers.forEach(b -> Api.asBuyer(b));

        List<Integer> statuses = inParallel(50, i -> Api.asBuyer(buyers.get(i))
                .header("Idempotency-Key", "race-" + i)
                .body(Fixtures.orderBody(buyers.get(i), null, apple, 3))
                .post("/api/v1/orders").statusCode());

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(33);
        int stock = Api.anonymous().get("/api/v1/products/" + apple).then().extract().path("stock");
        assertThat(stock).isEqualTo(1);
    }

    @Test
    void twentyReplaysOfOneKeyMakeOneOrder() throws Exception {
        assertTwentyCopiesOfOneKeyMakeOneOrder(100, 98);
    }

    /**
     * The same key sent many times at once for the product's last units: the first takes them, and
     * every other answers that order (200), not "insufficient stock": a retry whose original
     * succeeded must not be told it failed.
     */
    @Test
    void replaysOfTheOrderThatTookTheLastUnitsAnswerIt() throws Exception {
        assertTwentyCopiesOfOneKeyMakeOneOrder(2, 0);
    }

    /** Twenty requests with one key, for 2 units, all at once: one 201, the rest 200, one order. */
    private void assertTwentyCopiesOfOneKeyMakeOneOrder(int stock, int stockLeft) throws Exception {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("stock", stock));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Map<String, Object> body = Fixtures.orderBody(buyer, null, apple, 2);
        String key = Fixtures.uniqueCode("K");
        Api.asBuyer(buyer);

        List<Response> responses = inParallel(20, i -> Api.asBuyer(buyer).header("Idempotency-Key", key)
                .body(body).post("/api/v1/orders"));

        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(responses.stream().map(r -> r.jsonPath().getLong("id")).distinct().toList()).hasSize(1);
        int left = Api.anonymous().get("/api/v1/products/" + apple).then().extract().path("stock");
        assertThat(left).isEqualTo(stockLeft);
    }

    /**
     * Orders naming the same two products in opposite orders, all at once: the rows are locked
     * in product order whatever the order of the lines, so none deadlocks (which PostgreSQL would
     * end by aborting one of them) and every unit is taken exactly once.
     */
    @Test
    void crossedMultiLineOrdersNeitherDeadlockNorOversell() throws Exception {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("stock", 1000));
        long pear = Fixtures.newProduct(cooperative, Map.of("stock", 1000));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Api.asBuyer(buyer);

        List<Integer> statuses = inParallel(40, i -> Api.asBuyer(buyer)
                .header("Idempotency-Key", Fixtures.uniqueCode("X"))
                .body(i % 2 == 0 ? Fixtures.orderBody(buyer, null, apple, 3, pear, 5)
                        : Fixtures.orderBody(buyer, null, pear, 5, apple, 3))
                .post("/api/v1/orders").statusCode());

        assertThat(statuses).containsOnly(201);
        assertThat((int) Api.anonymous().get("/api/v1/products/" + apple).then().extract().path("stock"))
                .isEqualTo(1000 - 40 * 3);
        assertThat((int) Api.anonymous().get("/api/v1/products/" + pear).then().extract().path("stock"))
                .isEqualTo(1000 - 40 * 5);
    }

    /** A product named on two lines is taken once for both, and refused when together they exceed the stock. */
    @Test
    void aProductOnTwoLinesIsCheckedForBoth() {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("stock", 10, "priceFen", 500));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");

        Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, apple, 6, apple, 5)).post("/api/v1/orders")
                .then().statusCode(409).contentType("application/problem+json");
        Response placed = Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K"))
                .body(Fixtures.orderBody(buyer, null, apple, 6, apple, 4)).post("/api/v1/orders");
        placed.then().statusCode(201);
        assertThat(placed.jsonPath().getList("lines.quantity", Integer.class)).containsExactly(6, 4);
        assertThat(placed.jsonPath().getList("lines.lineNo", Integer.class)).containsExactly(1, 2);
        assertThat(placed.jsonPath().getLong("totalFen")).isEqualTo(5000);
        assertThat((int) Api.anonymous().get("/api/v1/products/" + apple).then().extract().path("stock")).isZero();
    }
}
