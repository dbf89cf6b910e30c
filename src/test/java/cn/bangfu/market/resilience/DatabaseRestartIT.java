package cn.bangfu.market.resilience;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import cn.bangfu.market.support.PostgresServer;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service under a steady order load while its PostgreSQL is stopped for 10 s and
 * started again: readiness goes DOWN and comes back UP by itself, requests in the outage are
 * answered 503 with Retry-After inside their timeout (never a hang, never a 500), and every
 * acknowledged order is in the database afterwards with its stock taken exactly once.
 */
@QuarkusIntegrationTest
class DatabaseRestartIT {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** The client's patience for one request: above the service's 5 s pool acquisition timeout. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int LOAD_THREADS = 4;
    private static final int STOCK = 1_000_000;
    private static final Pattern ORDER_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    /** One order request: its key, what came back (status 0: no answer in time) and how long it took. */
    record Attempt(String key, int status, Optional<String> retryAfter, long millis, Long orderId, long startedNanos) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void ordersAcknowledgedAcrossADatabaseRestartAreAllThereAndStockIsTakenOnce() throws Exception {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long product = Fixtures.newProduct(cooperative, Map.of("stock", STOCK));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        String token = Api.token(Map.of("groups", List.of("buyer"), "buyer_id", buyer));
        String body = "{\"buyerId\":" + buyer + ",\"lines\":[{\"productId\":" + product + ",\"quantity\":1}]}";
        PostgresServer postgres = PostgresServer.ofThisRun();

        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS);
        for (int i = 0; i < LOAD_THREADS; i++) {
            load.submit(() -> {
                while (loading.get()) {
                    attempts.add(placeOrder(token, body, "restart-" + UUID.randomUUID()));
                }
            });
        }

        Thread.sleep(3_000);
        assertThat(readiness()).as("ready before the outage").isEqualTo(200);
        long stoppedAt = System.nanoTime();
        postgres.stop();
        boolean downSeen = waitForReadiness(503, Duration.ofSeconds(10));
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000));
        postgres.start();
        long startedAt = System.nanoTime();
        boolean upSeen = waitForReadiness(200, Duration.ofSeconds(60));
        long upAt = System.nanoTime();
        Thread.sleep(3_000);
        loading.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)).isTrue();

        assertThat(downSeen).as("readiness went DOWN while the database was stopped").isTrue();
        assertThat(upSeen).as("readiness came back UP with no restart of the service").isTrue();
        List<Attempt> all = List.copyOf(attempts);
        assertThat(all).as("every request was answered within its timeout")
                .allSatisfy(a -> assertThat(a.status()).isNotZero());
        assertThat(all).as("answers are 201 or, while the database is away, 503")
                .extracting(Attempt::status).containsOnly(201, 503);
        assertThat(all).filteredOn(a -> a.status() == 503).as("503s say when to retry")
                .isNotEmpty().allSatisfy(a -> assertThat(a.retryAfter()).isPresent());
        assertThat(all).filteredOn(a -> a.status() == 503).as("a 503 comes quickly")
                .allSatisfy(a -> assertThat(a.millis()).isLessThan(REQUEST_TIMEOUT.toMillis()));
        assertThat(all).filteredOn(a -> a.startedNanos() < stoppedAt && a.status() == 201).isNotEmpty();
        assertThat(all).filteredOn(a -> a.startedNanos() > upAt && a.status() == 201)
                .as("orders are taken again once the database is back").isNotEmpty();
        System.out.printf("DatabaseRestartIT: %d requests, %d answered 503; ready again %d ms after the start%n",
                all.size(), all.stream().filter(a -> a.status() == 503).count(), (upAt - startedAt) / 1_000_000);

        // A client retries what was refused with the same key: each key ends with exactly one order.
        List<Long> orderIds = new ArrayList<>();
        for (Attempt attempt : all) {
            if (attempt.status() == 201) {
                orderIds.add(attempt.orderId());
            } else {
                Attempt retry = placeOrder(token, body, attempt.key());
                assertThat(retry.status()).as("retry of " + attempt.key()).isIn(200, 201);
                orderIds.add(retry.orderId());
            }
        }
        assertThat(orderIds).doesNotHaveDuplicates();
        for (Long id : orderIds) {
            Api.asBuyer(buyer).get("/api/v1/orders/" + id).then().statusCode(200);
        }
        int stock = Api.anonymous().get("/api/v1/products/" + product).then().statusCode(200).extract().path("stock");
        assertThat(stock).as("one unit taken per order, once").isEqualTo(STOCK - orderIds.size());
    }

    private Attempt placeOrder(String token, String body, String key) {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/orders"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher id = ORDER_ID.matcher(response.body());
            return new Attempt(key, response.statusCode(), response.headers().firstValue("Retry-After"),
                    (System.nanoTime() - started) / 1_000_000,
                    response.statusCode() < 300 && id.find() ? Long.valueOf(id.group(1)) : null, started);
        } catch (java.io.IOException e) {
            return new Attempt(key, 0, Optional.empty(), (System.nanoTime() - started) / 1_000_000, null, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(key, 0, Optional.empty(), (System.nanoTime() - started) / 1_000_000, null, started);
        }
    }

    private int readiness() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).timeout(REQUEST_TIMEOUT).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private boolean waitForReadiness(int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (readiness() == status) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }
}
