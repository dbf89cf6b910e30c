package cn.bangfu.market.common;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.QuarkusErrorHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** Health (incl. the database), metrics and the OpenAPI description. */
@QuarkusTest
class PlatformTest {

    @Test
    void healthIncludesTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void prometheusMetrics() {
        Api.anonymous().get("/api/v1/products").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    /**
     * A refused request is counted under its route template, not its raw path (which would grow
     * the metrics without bound), whether it came without a token or with one that fails
     * (PlainAuthFailureHandler is on both paths).
     */
    @Test
    void refusedRequestsAreCountedUnderTheirRouteTemplate() {
        Api.anonymous().get("/api/v1/households/{id}/changes", 987_654_321L).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2("not-a-token").get("/api/v1/households/{id}/changes", 987_654_322L).then()
                .statusCode(401).contentType("application/problem+json");
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*"
                        + "uri=\"/api/v1/households/\\{id}/changes\".*"))
                .body(not(containsString("98765432")));
    }

    /**
     * A request whose token fails is answered by our exception mapper alone: were the failure
     * handler PlainAuthFailureHandler puts in place still there inside Quarkus REST, it would
     * fail the request a second time, after the 401, and Quarkus' error handler would log
     * "Response has already been written".
     */
    @Test
    void aRefusedTokenIsAnsweredOnce() {
        List<ExtLogRecord> failures;
        try (LogCapture errorHandler = LogCapture.of(QuarkusErrorHandler.class)) {
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2("not-a-token").get("/api/v1/regions").then().statusCode(401)
                        .contentType("application/problem+json");
            }
            Api.asNationalBureau().get("/api/v1/regions").then().statusCode(200); // after the refusals' handling
            failures = errorHandler.records();
        }
        assertThat(failures).extracting(ExtLogRecord::getMessage).isEmpty();
    }

    @Test
    void openApiDescribesTheContract() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/products"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/cooperatives/{id}/status"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
