package cn.bangfu.market.trade;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one placing turn per product, a placing that waits for a product's row lock holds that
 * product's turn: another placing for the product waits its turn and, past {@code placing-wait}, is
 * answered 503 with {@code Retry-After}, having placed nothing; a placing for a product of another
 * group goes on meanwhile. Once the turn is free, placings go on.
 */
@QuarkusTest
@TestProfile(PlacingTurnsTest.OneTurn.class)
class PlacingTurnsTest {

    public static class OneTurn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bangfu.orders.concurrent-placings-per-product", "1", "bangfu.orders.placing-wait", "500ms");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aPlacingWaitsForItsProductsTurnThenIsRefused503() throws Exception {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long locked = Fixtures.newProduct(cooperative, Map.of("stock", 10));
        long other = Fixtures.newProduct(cooperative, Map.of("stock", 10));
        while (OrderService.turnGroup(other) == OrderService.turnGroup(locked)) {
            other = Fixtures.newProduct(cooperative, Map.of("stock", 10));
        }
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Api.asBuyer(buyer); // the token is minted before the race

        CompletableFuture<Response> first;
        try (HeldProductRow held = HeldProductRow.hold(dataSource, locked)) {
            first = CompletableFuture.supplyAsync(() -> Api.asBuyer(buyer).header("Idempotency-Key", "turn-first")
                    .body(Fixtures.orderBody(buyer, null, locked, 1)).post("/api/v1/orders"));
            assertThat(held.placingsWaitingWithin5s()).as("the first placing waits for the row").isEqualTo(1);

            Response second = Api.asBuyer(buyer).header("Idempotency-Key", "turn-second")
                    .body(Fixtures.orderBody(buyer, null, locked, 2)).post("/api/v1/orders");
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.header("Retry-After")).isEqualTo("1");
            // another product's orders do not queue behind the held row
            Api.asBuyer(buyer).header("Idempotency-Key", "turn-other").body(Fixtures.orderBody(buyer, null, other, 1))
                    .post("/api/v1/orders").then().statusCode(201);
            assertThat(first).isNotDone();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(stockOf(locked)).isEqualTo(9); // the refused placing took nothing
        Api.asBuyer(buyer).header("Idempotency-Key", "turn-second").body(Fixtures.orderBody(buyer, null, locked, 2))
                .post("/api/v1/orders").then().statusCode(201);
        assertThat(stockOf(locked)).isEqualTo(7);
        assertThat(stockOf(other)).isEqualTo(9);
    }

    private static int stockOf(long productId) {
        return Api.anonymous().get("/api/v1/products/" + productId).then().statusCode(200).extract().path("stock");
    }
}
