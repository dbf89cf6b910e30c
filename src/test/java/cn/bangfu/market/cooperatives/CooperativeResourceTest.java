package cn.bangfu.market.cooperatives;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class CooperativeResourceTest {

    @BeforeEach
    void regions() {
        Fixtures.standardRegions();
    }

    @Test
    void registersAsPendingAndMovesThroughTheWorkflow() {
        Map<String, Object> body = Fixtures.cooperativeBody(Fixtures.JINGNING);
        int id = Api.asBureau(Fixtures.JINGNING).body(body).post("/api/v1/cooperatives")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("id", notNullValue())
                .body("status", equalTo("PENDING"))
                .body("name", equalTo("静宁县红果苹果专业合作社"))
                .body("creditCode", equalTo(body.get("creditCode")))
                .body("kind", equalTo("COOPERATIVE"))
                .body("regionCode", equalTo(Fixtures.JINGNING))
                .extract().path("id");
        String statusPath = "/api/v1/cooperatives/" + id + "/status";

        // PENDING cannot be suspended
        Api.asBureau(Fixtures.JINGNING).body(Map.of("status", "SUSPENDED")).post(statusPath)
                .then().statusCode(409).contentType("application/problem+json");
        Api.asBureau(Fixtures.JINGNING).body(Map.of("status", "APPROVED", "note", "审核通过")).post(statusPath)
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("statusNote", equalTo("审核通过"));
        Api.asBureau(Fixtures.JINGNING).body(Map.of("status", "APPROVED")).post(statusPath).then().statusCode(409);
        Api.asBureau(Fixtures.PINGLIANG).body(Map.of("status", "SUSPENDED", "note", "抽检不合格")).post(statusPath)
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        Api.asBureau(Fixtures.JINGNING).body(Map.of("status", "APPROVED")).post(statusPath)
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        // back to PENDING is not a workflow step
        Api.asBureau(Fixtures.JINGNING).body(Map.of("status", "PENDING")).post(statusPath)
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        Api.asBureau(Fixtures.JINGNING).body(Map.of("status", "CLOSED")).post(statusPath)
                .then().statusCode(400).body("violations[0].field", equalTo("status"));

        Api.asBuyer(1).get("/api/v1/cooperatives/" + id).then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void wrongCheckCharacterIsRejected() {
        Map<String, Object> body = Fixtures.cooperativeBody(Fixtures.JINGNING);
        String code = (String) body.get("creditCode");
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        body.put("creditCode", code.substring(0, 17) + wrong);
        Api.asNationalBureau().body(body).post("/api/v1/cooperatives")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("creditCode"));
    }

    @Test
    void duplicateCreditCodeIs409() {
        Map<String, Object> body = Fixtures.cooperativeBody(Fixtures.JINGNING);
        Api.asNationalBureau().body(body).post("/api/v1/cooperatives").then().statusCode(201);
        Api.asNationalBureau().body(body).post("/api/v1/cooperatives").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void unknownRegionAndMissingFieldsAreRejected() {
        Map<String, Object> body = Fixtures.cooperativeBody("629999");
        Api.asNationalBureau().body(body).post("/api/v1/cooperatives").then().statusCode(422)
                .body("violations[0].field", equalTo("regionCode"));
        Api.asNationalBureau().body(Map.of("name", "x")).post("/api/v1/cooperatives").then().statusCode(400)
                .body("violations.field", hasItem("creditCode"))
                .body("violations.field", hasItem("kind"))
                .body("violations.field", hasItem("regionCode"));
        Map<String, Object> badKind = Fixtures.cooperativeBody(Fixtures.JINGNING);
        badKind.put("kind", "BANK");
        Api.asNationalBureau().body(badKind).post("/api/v1/cooperatives").then().statusCode(400)
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    void authorizationMatrix() {
        Map<String, Object> body = Fixtures.cooperativeBody(Fixtures.JINGNING);
        Api.anonymous().body(body).post("/api/v1/cooperatives").then().statusCode(401);
        Api.asCooperative(1).body(body).post("/api/v1/cooperatives").then().statusCode(403);
        Api.asBuyer(1).body(body).post("/api/v1/cooperatives").then().statusCode(403);
        Api.asBureau(Fixtures.WUQING).body(body).post("/api/v1/cooperatives").then().statusCode(403);
        Api.as(Map.of("groups", java.util.List.of("bureau"))).body(body).post("/api/v1/cooperatives")
                .then().statusCode(403); // a bureau token without region_code

        long id = Fixtures.newCooperative(Fixtures.JINGNING, false);
        Api.asBureau(Fixtures.WUQING).body(Map.of("status", "APPROVED"))
                .post("/api/v1/cooperatives/" + id + "/status").then().statusCode(403);
        Api.asCooperative(id).body(Map.of("status", "APPROVED"))
                .post("/api/v1/cooperatives/" + id + "/status").then().statusCode(403);
        Api.anonymous().get("/api/v1/cooperatives/" + id).then().statusCode(401);
        Api.asNationalBureau().body(Map.of("status", "APPROVED"))
                .post("/api/v1/cooperatives/987654321/status").then().statusCode(404);
        Api.asNationalBureau().get("/api/v1/cooperatives/987654321").then().statusCode(404);
        Api.asNationalBureau().get("/api/v1/cooperatives/not-a-number").then().statusCode(404);
        // reading: bureau staff inside their region, a cooperative itself, any buyer
        Api.asBureau(Fixtures.WUQING).get("/api/v1/cooperatives/" + id).then().statusCode(403);
        Api.asBureau(Fixtures.GANSU).get("/api/v1/cooperatives/" + id).then().statusCode(200);
        Api.asCooperative(id).get("/api/v1/cooperatives/" + id).then().statusCode(200);
        Api.asCooperative(id + 1).get("/api/v1/cooperatives/" + id).then().statusCode(403);
        // a buyer sees only cooperatives it can buy from, and never the bureau's review note
        Api.asBuyer(7).get("/api/v1/cooperatives/" + id).then().statusCode(404);
        Api.asBuyer(7).queryParam("size", 200).get("/api/v1/cooperatives").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) id)))
                .body("items.status", everyItem(org.hamcrest.Matchers.equalTo("APPROVED")))
                .body("items.statusNote", everyItem(org.hamcrest.Matchers.nullValue()));
        Api.asBuyer(7).queryParam("status", "PENDING").get("/api/v1/cooperatives").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        Api.asNationalBureau().body(Map.of("status", "APPROVED", "note", "材料齐全"))
                .post("/api/v1/cooperatives/" + id + "/status").then().statusCode(200);
        Api.asBuyer(7).get("/api/v1/cooperatives/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("APPROVED"))
                .body("statusNote", org.hamcrest.Matchers.nullValue());
        Api.asCooperative(id).get("/api/v1/cooperatives/" + id).then().statusCode(200)
                .body("statusNote", org.hamcrest.Matchers.equalTo("材料齐全"));
        // a token without any of the three roles reads nothing
        Api.as(Map.of("groups", java.util.List.of("auditor"))).get("/api/v1/cooperatives").then().statusCode(403);
        Api.as(Map.of("groups", java.util.List.of("auditor"))).get("/api/v1/cooperatives/" + id).then()
                .statusCode(403);
        Api.asBureau(Fixtures.WUQING).queryParam("size", 200).get("/api/v1/cooperatives").then().statusCode(200)
                .body("items.regionCode", everyItem(startsWith("12")));
        Api.asBureau(Fixtures.WUQING).queryParam("regionCode", Fixtures.JINGNING).get("/api/v1/cooperatives")
                .then().statusCode(403);
        Api.asCooperative(id).queryParam("size", 200).get("/api/v1/cooperatives").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains((int) id));
    }

    @Test
    void listsByRegionSubtreeAndStatus() {
        long jingning = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long wuqing = Fixtures.newCooperative(Fixtures.WUQING, false);
        Api.asNationalBureau().queryParam("regionCode", Fixtures.GANSU).queryParam("size", 200)
                .get("/api/v1/cooperatives").then().statusCode(200)
                .body("items.id", hasItem((int) jingning))
                .body("items.id", not(hasItem((int) wuqing)))
                .body("items.regionCode", everyItem(startsWith("62"))); // Gansu's subtree, villages included
        Api.asNationalBureau().queryParam("regionCode", Fixtures.TIANJIN).queryParam("status", "PENDING")
                .queryParam("size", 200).get("/api/v1/cooperatives").then().statusCode(200)
                .body("items.id", hasItem((int) wuqing))
                .body("items.status", everyItem(equalTo("PENDING")));
        Api.asNationalBureau().queryParam("status", "NOPE").get("/api/v1/cooperatives").then().statusCode(400);
        Api.asNationalBureau().queryParam("size", 201).get("/api/v1/cooperatives").then().statusCode(400);
    }
}
