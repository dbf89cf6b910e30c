package cn.bangfu.market.devtoken;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DevTokenTest {

    @Test
    void mintsATokenTheServiceAccepts() {
        Fixtures.standardRegions();
        String token = given().contentType("application/json")
                .body("{\"groups\":[\"bureau\"],\"region_code\":\"620826\"}")
                .post("/dev/token").then().statusCode(200).extract().path("token");
        String township = "620826" + "997" + "000";
        given().contentType("application/json").header("Authorization", "Bearer " + token)
                .body(Map.of("code", township, "name", "令牌镇", "level", "TOWNSHIP", "parentCode", "620826"))
                .post("/api/v1/regions").then().statusCode(201);
        // the same token is refused outside its region
        given().contentType("application/json").header("Authorization", "Bearer " + token)
                .body(Map.of("code", "120114997000", "name", "x", "level", "TOWNSHIP", "parentCode", "120114"))
                .post("/api/v1/regions").then().statusCode(403);
    }

    /** Any claim given is signed as given (api.md): an expired token, or another issuer's, is minted and refused. */
    @Test
    void givenClaimsAreSignedAsGiven() {
        long anHourAgo = java.time.Instant.now().getEpochSecond() - 3600;
        for (Map<String, Object> claims : java.util.List.<Map<String, Object>>of(
                Map.of("groups", java.util.List.of("bureau"), "region_code", "000000", "exp", anHourAgo),
                Map.of("groups", java.util.List.of("bureau"), "region_code", "000000", "iss", "https://elsewhere"))) {
            String token = given().contentType("application/json").body(claims).post("/dev/token").then()
                    .statusCode(200).extract().path("token");
            given().header("Authorization", "Bearer " + token).get("/api/v1/cooperatives")
                    .then().statusCode(401).body("status", equalTo(401));
        }
        String fine = given().contentType("application/json")
                .body(Map.of("groups", java.util.List.of("bureau"), "region_code", "000000", "iss", "bangfu-dev"))
                .post("/dev/token").then().statusCode(200).extract().path("token");
        given().header("Authorization", "Bearer " + fine).get("/api/v1/cooperatives").then().statusCode(200);
        // even an expiry that is no time: signed as given, and refused as any unreadable token
        String unreadable = given().contentType("application/json")
                .body(Map.of("groups", java.util.List.of("bureau"), "region_code", "000000", "exp", "soon"))
                .post("/dev/token").then().statusCode(200).extract().path("token");
        given().header("Authorization", "Bearer " + unreadable).get("/api/v1/cooperatives").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tamperedTokenIsRefused() {
        String token = Api.token(Map.of("groups", java.util.List.of("bureau"), "region_code", "000000"));
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        given().header("Authorization", "Bearer " + tampered).get("/api/v1/cooperatives")
                .then().statusCode(401).body("status", equalTo(401));
    }
}
