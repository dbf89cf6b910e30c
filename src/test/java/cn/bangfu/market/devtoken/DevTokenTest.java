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

    @Test
    void tamperedTokenIsRefused() {
        String token = Api.token(Map.of("groups", java.util.List.of("bureau"), "region_code", "000000"));
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        given().header("Authorization", "Bearer " + tampered).get("/api/v1/cooperatives")
                .then().statusCode(401).body("status", equalTo(401));
    }
}
