package cn.bangfu.market.common;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import cn.bangfu.market.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.jboss.logmanager.ExtLogRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** No connection to be had: the answer is a 503 problem with Retry-After, never a 500. */
@QuarkusTest
@TestProfile(DatabaseUnavailableTest.TinyPool.class)
class DatabaseUnavailableTest {

    public static class TinyPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1s");
        }
    }

    @Inject
    DataSource pool;

    @Test
    void exhaustedPoolAnswers503ThenRecovers() throws Exception {
        Api.asNationalBureau().get("/api/v1/regions").then().statusCode(200);
        String requestId;
        List<ExtLogRecord> logged;
        try (LogCapture problems = LogCapture.of(ProblemMappers.class);
             Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            assertThat(first.isValid(1) && second.isValid(1)).isTrue(); // the service's whole pool, held here
            requestId = Api.asNationalBureau().header("X-Request-Id", "ticket-20261201-7").get("/api/v1/regions")
                    .then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", equalTo("5"))
                    .header("X-Request-Id", equalTo("ticket-20261201-7"))
                    .body("status", equalTo(503)).extract().header("X-Request-Id");
            logged = problems.records();
            // the public read by id too, which takes its connection straight from the pool (plain JDBC)
            Api.anonymous().get("/api/v1/products/1").then().statusCode(503).header("Retry-After", equalTo("5"));
            // and an order's placing, whose key lookup and statement are plain JDBC as well
            Api.asBuyer(1).header("Idempotency-Key", "pool-exhausted").body(Fixtures.orderBody(1, null, 1L, 1))
                    .post("/api/v1/orders").then().statusCode(503).header("Retry-After", equalTo("5"));
        }
        // the warning names the request and the caller's role (RequestLogContext), for JSON logs
        assertThat(logged).filteredOn(r -> r.getMessage().contains("database unavailable")).singleElement()
                .satisfies(r -> {
                    assertThat(r.getMdc("requestId")).isEqualTo(requestId);
                    assertThat(r.getMdc("role")).isEqualTo("bureau");
                });
        Api.asNationalBureau().get("/api/v1/regions").then().statusCode(200);
    }
}
