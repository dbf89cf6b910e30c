package cn.bangfu.market.common;

import cn.bangfu.market.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

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
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            assertThat(first.isValid(1) && second.isValid(1)).isTrue(); // the service's whole pool, held here
            Api.asNationalBureau().get("/api/v1/regions").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", equalTo("5"))
                    .body("status", equalTo(503));
        }
        Api.asNationalBureau().get("/api/v1/regions").then().statusCode(200);
    }
}
