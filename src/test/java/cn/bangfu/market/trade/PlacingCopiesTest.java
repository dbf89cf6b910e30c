package cn.bangfu.market.trade;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of a request under way wait for it inside the service (a JVM test: it holds a product's
 * row and counts the copies waiting in {@link OrderService}).
 */
@QuarkusTest
class PlacingCopiesTest {

    @Inject
    DataSource dataSource;

    @Inject
    OrderService orders;

    /**
     * Copies of one request sent while it is being placed (held here at its product's row) wait for
     * it in the service: one placing statement waits for the row, not one per copy (four would, one
     * per turn), and once it is placed every copy answers its order, having claimed no order id.
     */
    @Test
    void copiesSentWhileAnOrderIsPlacedWaitForIt() throws Exception {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("stock", 10));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Map<String, Object> body = Fixtures.orderBody(buyer, null, apple, 1);
        String key = Fixtures.uniqueCode("K");
        long before = placeNew(buyer, body);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<Response>> copies = new ArrayList<>();
        Callable<Response> copy = () -> Api.asBuyer(buyer).header("Idempotency-Key", key).body(body)
                .post("/api/v1/orders");
        try {
            try (HeldProductRow held = HeldProductRow.hold(dataSource, apple)) {
                copies.add(clients.submit(copy));
                assertThat(held.placingsWaitingWithin5s()).as("the first copy waits for the row").isEqualTo(1);
                for (int i = 0; i < 5; i++) {
                    copies.add(clients.submit(copy));
                }
                for (int i = 0; i < 100 && orders.copiesWaiting() < 5; i++) {
                    Thread.sleep(50);
                }
                assertThat(orders.copiesWaiting()).as("copies waiting in the service").isEqualTo(5);
                // without that wait, three more would have taken a turn and reached the row
                assertThat(held.placingsWaiting()).isEqualTo(1);
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : copies) {
                responses.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(responses.stream().map(Response::statusCode).sorted().toList())
                    .containsExactly(200, 200, 200, 200, 200, 201);
            List<Long> ids = responses.stream().map(r -> r.jsonPath().getLong("id")).distinct().toList();
            assertThat(ids).hasSize(1);
            long placed = ids.get(0);
            assertThat(placeNew(buyer, body) - placed).isEqualTo(placed - before);
        } finally {
            clients.shutdownNow();
        }
        assertThat((int) Api.anonymous().get("/api/v1/products/" + apple).then().extract().path("stock"))
                .isEqualTo(7);
    }

    private static long placeNew(long buyer, Map<String, Object> body) {
        return Api.asBuyer(buyer).header("Idempotency-Key", Fixtures.uniqueCode("K")).body(body)
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
