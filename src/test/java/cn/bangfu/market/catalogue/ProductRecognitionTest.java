package cn.bangfu.market.catalogue;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** 帮扶产品认定: the bureau recognises a product; orders snapshot it; a revocation counts for later orders only. */
@QuarkusTest
class ProductRecognitionTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aRevokedRecognitionLeavesOnlyTheEarlierOrdersRecognized() {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        String appleName = "认定苹果" + cooperative;
        long apple = Fixtures.newProduct(cooperative, Map.of("stock", 100, "priceFen", 1_250, "name", appleName,
                "sku", "JN-" + cooperative));
        long plain = Fixtures.newProduct(cooperative, Map.of("stock", 100, "priceFen", 700));
        long canteen = Fixtures.newBuyer(Fixtures.WUQING, "BUDGET_UNIT");
        long agreement = Fixtures.newAgreement(TODAY.getYear(), 1_000_000);

        Map<String, Object> recognized = Api.asBureau(Fixtures.JINGNING).body(Map.of(
                        "certificateNo", "静宁认〔2026〕018号",
                        "validFrom", TODAY.minusDays(30).toString(), "validTo", TODAY.plusDays(300).toString()))
                .post("/api/v1/products/" + apple + "/recognition").then().statusCode(200)
                .body("recognition.certificateNo", equalTo("静宁认〔2026〕018号"))
                .body("recognition.validTo", equalTo(TODAY.plusDays(300).toString()))
                .body("recognition.revokedOn", nullValue())
                .extract().jsonPath().getMap("");
        assertThat(listed(true)).contains(apple).doesNotContain(plain);
        // the public read by id (plain JDBC) shows what the recognition answered (the entity) and what
        // the catalogue lists (an HQL projection), field by field: recognition, certifications, sku, instants
        Map<String, Object> byId = Api.anonymous().get("/api/v1/products/" + apple).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(byId).isEqualTo(recognized).containsEntry("sku", "JN-" + cooperative)
                .containsEntry("certifications", List.of("GEO_INDICATION", "GREEN_FOOD"));
        assertThat(Api.anonymous().queryParam("q", appleName).get("/api/v1/products").then().statusCode(200)
                .extract().jsonPath().getList("items", Map.class)).containsExactly(byId);
        assertThat(listed(false)).contains(plain).doesNotContain(apple);

        // before the revocation: 3 recognised apples (3,750) and 2 plain (1,400), one order
        long before = Fixtures.placeOrder(canteen, agreement, apple, 3, plain, 2);
        Api.asBuyer(canteen).get("/api/v1/orders/" + before).then().statusCode(200)
                .body("lines.recognized", equalTo(List.of(true, false)));
        Api.asBureau(Fixtures.JINGNING).body(Map.of("date", TODAY.toString(), "reason", "抽检不合格"))
                .post("/api/v1/products/" + apple + "/recognition/revoke").then().statusCode(200)
                .body("recognition.revokedOn", equalTo(TODAY.toString()));
        // after it, from the same day on: 4 apples (5,000), not recognised
        long after = Fixtures.placeOrder(canteen, agreement, apple, 4);
        Api.asBuyer(canteen).get("/api/v1/orders/" + after).then().statusCode(200)
                .body("lines.recognized", equalTo(List.of(false)));
        assertThat(listed(true)).doesNotContain(apple);
        Fixtures.deliver(before, cooperative, canteen);
        Fixtures.deliver(after, cooperative, canteen);

        Api.asBureau(Fixtures.JINGNING).get("/api/v1/agreements/" + agreement + "/progress").then().statusCode(200)
                .body("realizedFen", equalTo(3_750 + 1_400 + 5_000)).body("recognizedFen", equalTo(3_750));
        Api.asBuyer(canteen).queryParam("year", TODAY.getYear()).get("/api/v1/buyers/" + canteen + "/reserve")
                .then().statusCode(200).body("spentFen", equalTo(10_150)).body("recognizedFen", equalTo(3_750));
        // a revocation is made once
        Api.asBureau(Fixtures.JINGNING).body(Map.of("date", TODAY.toString(), "reason", "again"))
                .post("/api/v1/products/" + apple + "/recognition/revoke").then().statusCode(409);
    }

    @Test
    void onlyABureauGoverningTheCooperativeRecognisesAndDatesMustMakeSense() {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long product = Fixtures.newProduct(cooperative, Map.of());
        Map<String, Object> body = Map.of("certificateNo", "JN-2026-1", "validFrom", TODAY.toString(),
                "validTo", TODAY.plusDays(10).toString());
        Api.asBureau(Fixtures.WUQING).body(body).post("/api/v1/products/" + product + "/recognition")
                .then().statusCode(403).contentType("application/problem+json");
        Api.asCooperative(cooperative).body(body).post("/api/v1/products/" + product + "/recognition")
                .then().statusCode(403);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("certificateNo", "JN-2026-1", "validFrom", TODAY.toString(),
                        "validTo", TODAY.minusDays(1).toString()))
                .post("/api/v1/products/" + product + "/recognition").then().statusCode(400)
                .contentType("application/problem+json");
        for (String blank : List.of(" ", "\u3000", "JN\u00012026")) { // blank, an ideographic space, a control
            Api.asBureau(Fixtures.JINGNING).body(Map.of("certificateNo", blank, "validFrom", TODAY.toString(),
                            "validTo", TODAY.toString()))
                    .post("/api/v1/products/" + product + "/recognition").then().statusCode(400)
                    .body("violations[0].field", equalTo("certificateNo"));
        }
        Api.asBureau(Fixtures.JINGNING).body(Map.of("date", TODAY.toString(), "reason", "\u3000"))
                .post("/api/v1/products/" + product + "/recognition/revoke").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        Api.asBureau(Fixtures.JINGNING).body(Map.of("date", TODAY.toString(), "reason", "none filed"))
                .post("/api/v1/products/" + product + "/recognition/revoke").then().statusCode(409);
        Api.asBureau(Fixtures.JINGNING).body(body).post("/api/v1/products/987654321/recognition")
                .then().statusCode(404);
        // a recognition that begins tomorrow does not count today
        Api.asBureau(Fixtures.JINGNING).body(Map.of("certificateNo", "JN-2026-2", "validFrom",
                        TODAY.plusDays(1).toString(), "validTo", TODAY.plusDays(10).toString()))
                .post("/api/v1/products/" + product + "/recognition").then().statusCode(200);
        assertThat(listed(true)).doesNotContain(product);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("date", TODAY.toString(), "reason", "早于生效日"))
                .post("/api/v1/products/" + product + "/recognition/revoke").then().statusCode(422)
                .body("violations[0].field", equalTo("date"));
    }

    @Test
    void recognizedIsTrueOrFalse() {
        for (String value : List.of("yes", "1", "t")) {
            Api.anonymous().queryParam("recognized", value).get("/api/v1/products").then().statusCode(400)
                    .body("violations[0].field", org.hamcrest.Matchers.equalTo("recognized"));
        }
        Api.anonymous().queryParam("recognized", "TRUE").get("/api/v1/products").then().statusCode(200);
        Api.anonymous().queryParam("recognized", "").get("/api/v1/products").then().statusCode(200);
    }

    /** The ids of the catalogue's recognized=… products of 静宁县, every page. */
    private static List<Long> listed(boolean recognized) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var body = Api.anonymous().queryParam("recognized", recognized).queryParam("regionCode", Fixtures.JINGNING)
                    .queryParam("page", page).queryParam("size", 200).get("/api/v1/products")
                    .then().statusCode(200).extract().jsonPath();
            ids.addAll(body.getList("items.id", Long.class));
            if ((long) (page + 1) * 200 >= body.getLong("total")) {
                return ids;
            }
        }
    }
}
