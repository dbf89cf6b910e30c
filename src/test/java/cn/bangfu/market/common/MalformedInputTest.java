package cn.bangfu.market.common;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws garbage at every write endpoint and every query parameter: the answer
 * is always a problem+json 4xx, never a 500.
 */
@QuarkusTest
class MalformedInputTest {

    private static final List<String> BAD_BODIES = List.of(
            "", "{", "}", "null", "[]", "\"text\"", "42", "{\"a\":", "{\"name\": }",
            "{\"priceFen\": \"abc\"}", "{\"priceFen\": 1.5}", "{\"priceFen\": 99999999999999999999999}",
            "{\"stock\": true}", "{\"category\": 7}", "{\"level\": \"PLANET\"}", "{\"status\": \"WHATEVER\"}",
            "{\"certifications\": \"GREEN_FOOD\"}", "{\"certifications\": [null]}", "{\"certifications\": [1]}",
            "{\"kind\": []}", "{\"code\": {}}", "{\"name\": \"\\u0000\"}", "{\"name\": \"a\\nb\"}",
            "{\"creditCode\": 1}", "{\"priceFen\": null, \"prise\": 5}", "{}", "{\"validFrom\": \"2026-02-30\"}",
            "{\"date\": \"yesterday\"}", "{\"areaMu\": \"lots\"}", "{\"amountFen\": 1e3}", "{\"members\": \"4\"}",
            "{\"buyerId\": 1, \"lines\": [{\"productId\": 1, \"quantity\": -1}]}", "{\"lines\": {}}", "{\"lines\": [null]}",
            "{\"buyerId\": \"me\"}", "{\"kind\": \"BUDGET_UNIT\", \"reserveBp\": 999}", "{\"year\": 1e10}",
            "{\"days\": 99, \"householdId\": 1, \"date\": \"2026-01-32\"}", "{\"quantity\": 0.0001}", "{\"from\": \"2026-01-01\"}",
            "{\"perCapitaFen\": -5}", "{\"amountFen\": 99999999999999999999}");

    @Test
    void writeEndpointsNeverAnswer500() {
        long coop = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long product = Fixtures.newProduct(coop, Map.of());
        long household = Fixtures.newHousehold(Fixtures.newJingningVillage());
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        long link = Api.asNationalBureau().body(Map.of("cooperativeId", coop, "householdId", household,
                "mechanism", "WAGE", "validFrom", "2026-01-01", "dailyWageFen", 100))
                .post("/api/v1/links").then().statusCode(201).extract().jsonPath().getLong("id");
        record Target(String method, String path, io.restassured.specification.RequestSpecification auth) {
        }
        List<Target> targets = List.of(
                new Target("POST", "/api/v1/regions", Api.asNationalBureau()),
                new Target("POST", "/api/v1/cooperatives", Api.asNationalBureau()),
                new Target("POST", "/api/v1/cooperatives/" + coop + "/status", Api.asNationalBureau()),
                new Target("POST", "/api/v1/cooperatives/" + coop + "/products", Api.asCooperative(coop)),
                new Target("PATCH", "/api/v1/products/" + product, Api.asCooperative(coop)),
                new Target("POST", "/api/v1/households", Api.asNationalBureau()),
                new Target("PUT", "/api/v1/households/" + household + "/other-income/2026", Api.asNationalBureau()),
                new Target("POST", "/api/v1/links", Api.asNationalBureau()),
                new Target("POST", "/api/v1/links/" + link + "/end", Api.asNationalBureau()),
                new Target("POST", "/api/v1/buyers", Api.asNationalBureau()),
                new Target("POST", "/api/v1/agreements", Api.asNationalBureau()),
                new Target("POST", "/api/v1/orders", Api.asBuyer(buyer).header("Idempotency-Key", "malformed")),
                new Target("POST", "/api/v1/cooperatives/" + coop + "/procurements", Api.asCooperative(coop)),
                new Target("POST", "/api/v1/cooperatives/" + coop + "/wages", Api.asCooperative(coop)),
                new Target("POST", "/api/v1/cooperatives/" + coop + "/dividends", Api.asCooperative(coop)),
                new Target("POST", "/api/v1/cooperatives/" + coop + "/land-rent-accruals", Api.asCooperative(coop)),
                new Target("PUT", "/api/v1/monitoring-lines/620000/2026", Api.asNationalBureau()),
                new Target("POST", "/api/v1/recordings/1/reversal", Api.asNationalBureau()));
        List<String> failures = new ArrayList<>();
        for (Target target : targets) {
            for (String body : BAD_BODIES) {
                Response response = target.auth().body(body).request(target.method(), target.path());
                int status = response.statusCode();
                boolean ok = status >= 400 && status < 500
                        && response.contentType().startsWith("application/problem+json")
                        && response.jsonPath().getInt("status") == status;
                // an empty object is a valid (empty) patch; everything else must be refused
                if (body.equals("{}") && target.method().equals("PATCH")) {
                    ok = status == 200;
                }
                if (!ok) {
                    failures.add(target.method() + " " + target.path() + " " + body + " -> " + status + " "
                            + response.asString());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void wrongContentTypeIsA4xxProblem() {
        Response response = Api.asNationalBureau().contentType("text/plain").body("code=620000")
                .post("/api/v1/regions");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void queryParametersNeverAnswer500() {
        List<String> queries = List.of("page=abc", "size=-3", "size=1000", "page=99999999999", "category=x",
                "year=x", "year=99999", "year=99999999999", "year=-5", "from=2026-02-30", "householdId=abc",
                "cooperativeId=1.5", "page=20000000&size=200", "page=2147483647", "regionCode=000000",
                "certification=%00", "regionCode=%27%3B%20drop%20table%20product", "q=%25%5F%5C", "sort=;",
                "sort=-", "q=" + "x".repeat(300));
        List<String> failures = new ArrayList<>();
        for (String query : queries) {
            for (String path : List.of("/api/v1/products", "/api/v1/regions", "/api/v1/cooperatives",
                    "/api/v1/households", "/api/v1/links", "/api/v1/orders", "/api/v1/contributions",
                    "/api/v1/households/at-risk", "/api/v1/reports/regions", "/api/v1/reports/agreements",
                    "/api/v1/exports/household-income", "/api/v1/exports/contributions")) {
                Response response = Api.asNationalBureau().get(path + "?" + query);
                if (response.statusCode() >= 500) {
                    failures.add(path + "?" + query + " -> " + response.statusCode() + " " + response.asString());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void typedParametersAnswer400NamingTheParameterAnd404ForIds() {
        Map<String, String> badQueries = Map.of(
                "/api/v1/products?page=abc", "page", "/api/v1/products?size=0", "size",
                "/api/v1/products?category=PLANET", "category", "/api/v1/contributions?from=2026-02-30", "from",
                "/api/v1/links?householdId=1.5", "householdId", "/api/v1/orders?status=LOST", "status",
                "/api/v1/exports/contributions?format=pdf", "format");
        badQueries.forEach((path, field) -> {
            Response response = Api.asNationalBureau().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.jsonPath().getList("violations.field", String.class)).as(path).containsExactly(field);
        });
        Response notAnId = Api.asNationalBureau().get("/api/v1/products/abc");
        assertThat(notAnId.statusCode()).isEqualTo(404);
        assertThat(notAnId.contentType()).startsWith("application/problem+json");
        // Enum values ignore case and a blank value is an absent one, as before typed parameters.
        Api.anonymous().get("/api/v1/products?category=fruit&certification=&page=").then().statusCode(200);
    }

    /** The console sends Accept-Language zh-CN: the same problem, status and fields, in Chinese. */
    @Test
    void problemsSpeakChineseWhenAskedTo() {
        Fixtures.standardRegions();
        Response english = Api.asNationalBureau().get("/api/v1/orders/987654321");
        Response chinese = Api.asNationalBureau().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .get("/api/v1/orders/987654321");
        english.then().statusCode(404).body("title", org.hamcrest.Matchers.equalTo("Not Found"))
                .body("detail", org.hamcrest.Matchers.equalTo("order 987654321 does not exist"));
        chinese.then().statusCode(404).contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.equalTo("未找到"))
                .body("detail", org.hamcrest.Matchers.equalTo("订单 987654321 不存在"));
        assertThat(chinese.jsonPath().getMap("").keySet()).isEqualTo(english.jsonPath().getMap("").keySet());

        Map<String, Object> product = Fixtures.productBody();
        product.remove("name");
        product.put("priceFen", 0);
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        Api.asCooperative(cooperative).header("Accept-Language", "zh").body(product)
                .post("/api/v1/cooperatives/" + cooperative + "/products").then().statusCode(400)
                .body("title", org.hamcrest.Matchers.equalTo("参数不符合要求"))
                .body("violations.field", org.hamcrest.Matchers.equalTo(List.of("name", "priceFen")))
                .body("violations.message", org.hamcrest.Matchers.equalTo(List.of("不能为空", "必须大于或等于1")))
                .body("detail", org.hamcrest.Matchers.equalTo("name：不能为空；priceFen：必须大于或等于1"));
        Api.asBureau(Fixtures.WUQING).header("Accept-Language", "en-US,zh;q=0.5")
                .get("/api/v1/reports/regions?regionCode=" + Fixtures.JINGNING).then().statusCode(403)
                .body("title", org.hamcrest.Matchers.equalTo("Forbidden"));
    }

    /** A hostile value is quoted back cut short: the problem stays small however long the value. */
    @Test
    void longValuesAreQuotedBackCutShort() {
        String value = "王".repeat(40_000);
        Response response = Api.asNationalBureau().body(Map.of("kind", value, "name", "x"))
                .post("/api/v1/buyers");
        response.then().statusCode(400).contentType("application/problem+json");
        assertThat(response.asString().length()).isLessThan(2_000);
        assertThat(response.jsonPath().getString("detail")).contains("王".repeat(64) + "…")
                .doesNotContain("王".repeat(65));
    }

    /** Business rules, not only validation, answer in Chinese: stock, a state that forbids, a region outside. */
    @Test
    void businessRulesSpeakChineseToo() {
        Fixtures.standardRegions();
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long product = Fixtures.newProduct(cooperative, Map.of("stock", 1));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Response tooMany = Api.asBuyer(buyer).header("Accept-Language", "zh-CN").header("Idempotency-Key",
                Fixtures.uniqueCode("zh")).body(Fixtures.orderBody(buyer, null, product, 5)).post("/api/v1/orders");
        tooMany.then().statusCode(409).body("title", org.hamcrest.Matchers.equalTo("库存不足"));
        assertThat(tooMany.jsonPath().getString("detail")).contains("产品 " + product).contains("库存");

        long order = Fixtures.placeOrder(buyer, null, product, 1);
        Response early = Api.asBuyer(buyer).header("Accept-Language", "zh").post("/api/v1/orders/" + order + "/deliver");
        early.then().statusCode(409).body("title", org.hamcrest.Matchers.equalTo("冲突"));
        assertThat(early.jsonPath().getString("detail")).containsPattern("\\p{IsHan}").doesNotContain(" cannot ");

        Response outside = Api.asBureau(Fixtures.WUQING).header("Accept-Language", "zh")
                .get("/api/v1/reports/regions?regionCode=" + Fixtures.JINGNING);
        outside.then().statusCode(403).body("title", org.hamcrest.Matchers.equalTo("无权访问"));
        assertThat(outside.jsonPath().getString("detail")).contains("管辖区域");
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        Response notFound = Api.anonymous().get("/api/v1/nothing-here");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.contentType()).startsWith("application/problem+json");
        Response wrongMethod = Api.asNationalBureau().delete("/api/v1/regions/620000");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        // RFC 9110 §15.5.6: a 405 names the methods the resource does take
        assertThat(wrongMethod.header("Allow")).isNotNull();
        assertThat(wrongMethod.header("Allow").split(",\\s*")).contains("GET").doesNotContain("DELETE");
    }
}
