package cn.bangfu.market.catalogue;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.DevKeys;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ProductResourceTest {

    @BeforeEach
    void regions() {
        Fixtures.standardRegions();
    }

    /** certifications are a set (duplicates dropped, order no change), shown in the order the cooperative gave. */
    @Test
    void certificationsKeepTheOrderGiven() {
        long coop = Fixtures.newCooperative(Fixtures.JINGNING, true);
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.productBody());
        body.put("certifications", List.of("ORGANIC", "GREEN_FOOD", "ORGANIC"));
        JsonPath created = Api.asCooperative(coop).body(body).post("/api/v1/cooperatives/" + coop + "/products")
                .then().statusCode(201).body("certifications", equalTo(List.of("ORGANIC", "GREEN_FOOD")))
                .extract().jsonPath();
        long id = created.getLong("id");
        long version = created.getLong("version");
        Api.asCooperative(coop).body(Map.of("certifications", List.of("GREEN_FOOD", "ORGANIC"), "version", version))
                .patch("/api/v1/products/" + id).then().statusCode(200)
                .body("version", equalTo((int) version)) // the same set: nothing changed
                .body("certifications", equalTo(List.of("ORGANIC", "GREEN_FOOD")));
        Api.anonymous().get("/api/v1/products/" + id).then().statusCode(200)
                .body("certifications", equalTo(List.of("ORGANIC", "GREEN_FOOD")));
        Api.asCooperative(coop).body(Map.of("certifications", List.of("GEO_INDICATION", "ORGANIC"), "version", version))
                .patch("/api/v1/products/" + id).then().statusCode(200).body("version", equalTo((int) version + 1))
                .body("certifications", equalTo(List.of("GEO_INDICATION", "ORGANIC")));
    }

    @Test
    void cooperativeListsAndEditsItsProduct() {
        long coop = Fixtures.newCooperative(Fixtures.JINGNING, true);
        var response = Api.asCooperative(coop).body(Fixtures.productBody())
                .post("/api/v1/cooperatives/" + coop + "/products");
        JsonPath created = response
                .then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("name", equalTo("静宁苹果"))
                .body("unit", equalTo("箱"))
                .body("priceFen", equalTo(5990))
                .body("stock", equalTo(100))
                .body("householdShareBp", equalTo(1000))
                .body("cooperativeId", equalTo((int) coop))
                .body("certifications", containsInAnyOrder("GEO_INDICATION", "GREEN_FOOD"))
                .extract().jsonPath();
        long id = created.getLong("id");
        long version = created.getLong("version");
        assertThat(response.header("Location")).endsWith("/api/v1/products/" + id);

        // the 201 names the instants a read names (stored to the microsecond), not the JVM's nanoseconds
        Api.anonymous().get("/api/v1/products/" + id).then().statusCode(200)
                .body("name", equalTo("静宁苹果")).body("regionCode", equalTo(Fixtures.JINGNING))
                .body("createdAt", equalTo(created.getString("createdAt")))
                .body("updatedAt", equalTo(created.getString("updatedAt")));

        Api.asCooperative(coop).body(Map.of("priceFen", 6290, "stock", 80, "version", version))
                .patch("/api/v1/products/" + id)
                .then().statusCode(200)
                .body("priceFen", equalTo(6290)).body("stock", equalTo(80))
                .body("name", equalTo("静宁苹果")).body("version", equalTo((int) version + 1));
        // the old version is stale now: optimistic locking
        Api.asCooperative(coop).body(Map.of("priceFen", 1, "version", version))
                .patch("/api/v1/products/" + id).then().statusCode(409).contentType("application/problem+json");
        Api.asCooperative(coop).body(Map.of("status", "DELISTED", "certifications", List.of()))
                .patch("/api/v1/products/" + id)
                .then().statusCode(200).body("status", equalTo("DELISTED")).body("certifications.size()", equalTo(0));
        Api.anonymous().get("/api/v1/products/" + id).then().statusCode(200).body("priceFen", equalTo(6290));
    }

    @Test
    void shareDefaultsToZero() {
        long coop = Fixtures.newCooperative(Fixtures.JINGNING, true);
        Map<String, Object> body = Fixtures.productBody();
        body.remove("householdShareBp");
        body.remove("certifications");
        body.remove("brand");
        Api.asCooperative(coop).body(body).post("/api/v1/cooperatives/" + coop + "/products")
                .then().statusCode(201).body("householdShareBp", equalTo(0)).body("certifications.size()", equalTo(0));
    }

    @Test
    void validationRules() {
        long coop = Fixtures.newCooperative(Fixtures.JINGNING, true);
        String path = "/api/v1/cooperatives/" + coop + "/products";
        Map<String, Object> negativePrice = Fixtures.productBody();
        negativePrice.put("priceFen", -1);
        Api.asCooperative(coop).body(negativePrice).post(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("priceFen"));

        Map<String, Object> many = Fixtures.productBody();
        many.put("stock", -5);
        many.put("householdShareBp", 10001);
        many.put("name", " ");
        Api.asCooperative(coop).body(many).post(path).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("householdShareBp", "name", "stock"));

        Map<String, Object> badCategory = Fixtures.productBody();
        badCategory.put("category", "FISH");
        Api.asCooperative(coop).body(badCategory).post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("category"));

        Map<String, Object> badCertification = Fixtures.productBody();
        badCertification.put("certifications", List.of("ISO9001"));
        Api.asCooperative(coop).body(badCertification).post(path).then().statusCode(400);

        Map<String, Object> wrongType = Fixtures.productBody();
        wrongType.put("priceFen", "cheap");
        Api.asCooperative(coop).body(wrongType).post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("priceFen"));

        long product = Fixtures.newProduct(coop, Map.of());
        Api.asCooperative(coop).body(Map.of("priceFen", 0)).patch("/api/v1/products/" + product)
                .then().statusCode(400).body("violations[0].field", equalTo("priceFen"));
        Api.asCooperative(coop).body(Map.of("status", "SOLD_OUT")).patch("/api/v1/products/" + product)
                .then().statusCode(400);
        Api.asCooperative(coop).body(Map.of("stock", -1)).patch("/api/v1/products/" + product)
                .then().statusCode(400);
    }

    @Test
    void authorizationMatrix() {
        long coop = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long other = Fixtures.newCooperative(Fixtures.JINGNING, true);
        String path = "/api/v1/cooperatives/" + coop + "/products";
        Api.anonymous().body(Fixtures.productBody()).post(path).then().statusCode(401);
        Api.asBuyer(1).body(Fixtures.productBody()).post(path).then().statusCode(403);
        Api.asNationalBureau().body(Fixtures.productBody()).post(path).then().statusCode(403);
        Api.asCooperative(other).body(Fixtures.productBody()).post(path).then().statusCode(403);
        Api.asCooperative(987654321L).body(Fixtures.productBody())
                .post("/api/v1/cooperatives/987654321/products").then().statusCode(404);

        long product = Fixtures.newProduct(coop, Map.of());
        Api.anonymous().body(Map.of("priceFen", 1)).patch("/api/v1/products/" + product).then().statusCode(401);
        Api.asCooperative(other).body(Map.of("priceFen", 1)).patch("/api/v1/products/" + product)
                .then().statusCode(403);
        Api.asNationalBureau().body(Map.of("priceFen", 1)).patch("/api/v1/products/" + product)
                .then().statusCode(403);
        Api.asCooperative(coop).body(Map.of("priceFen", 1)).patch("/api/v1/products/987654321")
                .then().statusCode(404);
        Api.as(Map.of("groups", List.of("cooperative"))).body(Map.of("priceFen", 1))
                .patch("/api/v1/products/" + product).then().statusCode(403);
        Api.anonymous().header("Authorization", "Bearer not-a-jwt").get("/api/v1/cooperatives/" + coop)
                .then().statusCode(401).contentType("application/problem+json");
        Api.anonymous().get("/api/v1/products/" + product).then().statusCode(200).body("priceFen", equalTo(5990));
        // a token presented must hold on the public catalogue too, expired or forged alike
        Instant now = Instant.now();
        String expired = Jwt.claims().issuer("bangfu-dev").subject("t").groups(Set.of("buyer")).claim("buyer_id", 1)
                .issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign(DevKeys.privateKey());
        for (String bad : List.of("not-a-jwt", expired)) {
            Api.anonymous().header("Authorization", "Bearer " + bad).get("/api/v1/products/" + product).then()
                    .statusCode(401).contentType("application/problem+json").header("X-Request-Id", notNullValue());
            Api.anonymous().header("Authorization", "Bearer " + bad).queryParam("q", "苹果").get("/api/v1/products")
                    .then().statusCode(401);
        }
        // any valid token reads it, with or without a role
        Api.as(Map.of("groups", List.of("guest"))).get("/api/v1/products/" + product).then().statusCode(200);
    }

    @Test
    void catalogueSearch() {
        String marker = "搜索" + System.nanoTime();
        long approved = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long pending = Fixtures.newCooperative(Fixtures.JINGNING, false);
        long tianjin = Fixtures.newCooperative(Fixtures.WUQING, true);
        long apple = Fixtures.newProduct(approved, Map.of("name", marker + "静宁苹果", "priceFen", 5990));
        long beef = Fixtures.newProduct(approved, Map.of("name", marker + "平凉红牛", "category", "LIVESTOCK",
                "priceFen", 12800, "certifications", List.of("ORGANIC"), "brand", "红牛"));
        long delisted = Fixtures.newProduct(approved, Map.of("name", marker + "苹果干"));
        Api.asCooperative(approved).body(Map.of("status", "DELISTED")).patch("/api/v1/products/" + delisted)
                .then().statusCode(200);
        long hidden = Fixtures.newProduct(pending, Map.of("name", marker + "待审核苹果"));
        long elsewhere = Fixtures.newProduct(tianjin, Map.of("name", marker + "武清蔬菜", "category", "VEGETABLE",
                "priceFen", 990, "certifications", List.of()));

        List<Integer> all = Api.anonymous().queryParam("q", marker).queryParam("size", 200)
                .get("/api/v1/products").then().statusCode(200)
                .body("total", equalTo(3))
                .extract().path("items.id");
        assertThat(all).containsExactly((int) apple, (int) beef, (int) elsewhere)
                .doesNotContain((int) delisted, (int) hidden);

        Api.anonymous().queryParam("q", marker).queryParam("category", "LIVESTOCK").get("/api/v1/products")
                .then().body("items.id", contains((int) beef));
        Api.anonymous().queryParam("q", marker).queryParam("certification", "ORGANIC").get("/api/v1/products")
                .then().body("items.id", contains((int) beef));
        Api.anonymous().queryParam("q", marker).queryParam("certification", "GEO_INDICATION").get("/api/v1/products")
                .then().body("items.id", contains((int) apple));
        // any ancestor of the cooperative's region matches
        for (String region : List.of(Fixtures.JINGNING, Fixtures.PINGLIANG, Fixtures.GANSU, "000000")) {
            Api.anonymous().queryParam("q", marker).queryParam("regionCode", region).get("/api/v1/products")
                    .then().body("items.id", hasItem((int) apple));
        }
        Api.anonymous().queryParam("q", marker).queryParam("regionCode", Fixtures.TIANJIN).get("/api/v1/products")
                .then().body("items.id", contains((int) elsewhere));
        Api.anonymous().queryParam("q", marker).queryParam("regionCode", "629999").get("/api/v1/products")
                .then().statusCode(200).body("total", equalTo(0));
        // brand matches too, case-insensitively
        Api.anonymous().queryParam("q", "红牛").queryParam("size", 200).get("/api/v1/products")
                .then().body("items.id", hasItem((int) beef));
        // sorting and paging
        Api.anonymous().queryParam("q", marker).queryParam("sort", "-priceFen").get("/api/v1/products")
                .then().body("items.id", contains((int) beef, (int) apple, (int) elsewhere));
        Api.anonymous().queryParam("q", marker).queryParam("sort", "priceFen")
                .queryParam("page", 1).queryParam("size", 2).get("/api/v1/products")
                .then().body("items.id", contains((int) beef)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("total", equalTo(3));
        // one or two characters (the index of short substrings, V22): case-insensitive, and no pair spans
        // the name and the brand
        long pair = Fixtures.newProduct(approved, Map.of("name", "试验果", "brand", "Xy静"));
        Api.anonymous().queryParam("q", "xY").queryParam("size", 200).get("/api/v1/products")
                .then().statusCode(200).body("items.id", hasItem((int) pair));
        Api.anonymous().queryParam("q", "验果").queryParam("size", 200).get("/api/v1/products")
                .then().statusCode(200).body("items.id", hasItem((int) pair));
        Api.anonymous().queryParam("q", "果x").queryParam("size", 200).get("/api/v1/products")
                .then().statusCode(200).body("items.id", not(hasItem((int) pair)));
        Api.anonymous().queryParam("q", "X").queryParam("size", 200).get("/api/v1/products")
                .then().statusCode(200).body("items.id", hasItem((int) pair));
        Api.anonymous().queryParam("q", "验").queryParam("size", 200).get("/api/v1/products")
                .then().statusCode(200).body("items.id", hasItem((int) pair));
        Api.anonymous().queryParam("q", "%").queryParam("size", 200).get("/api/v1/products")
                .then().statusCode(200).body("items.name", everyItem(not(equalTo(marker))));
        Api.anonymous().queryParam("sort", "stock").get("/api/v1/products").then().statusCode(400);
        // the search text: 100 characters (a rare one counting one), spaces around it included
        Api.anonymous().queryParam("q", "𠮷".repeat(100)).get("/api/v1/products").then().statusCode(200);
        Api.anonymous().queryParam("q", "苹".repeat(100) + " ").get("/api/v1/products").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
        Api.anonymous().queryParam("sort", "priceFen,down").get("/api/v1/products").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        Api.anonymous().queryParam("sort", "priceFen,desc").get("/api/v1/products").then().statusCode(200);
        Api.anonymous().queryParam("category", "FISH").get("/api/v1/products").then().statusCode(400);
        Api.anonymous().queryParam("size", 0).get("/api/v1/products").then().statusCode(400);
        Api.anonymous().queryParam("page", -1).get("/api/v1/products").then().statusCode(400);
    }

    /**
     * A search matching so many products that its page is read along the catalogue's order (V27,
     * {@link CatalogueWalk}) lists what the index lists, page by page, with a region and without, for
     * a long text (LIKE) and for two characters (the gram index); deep pages, which take the index,
     * agree too.
     */
    @Test
    void aBroadSearchReadAlongTheCatalogueListsWhatItsIndexLists() {
        // LIKE's own characters in the text: the index's form escapes them, the walk's takes them as they are
        String marker = "遍历%_\\" + System.nanoTime();
        long catalogue = catalogueSize();
        // as many products again that do not match, so that the search is broad but not the whole
        // catalogue: the walk then pays for the first pages and not for the last
        int broad = 40;
        while ((long) broad * broad < 40 * (catalogue + 2L * broad)) { // the first two pages of 20 walk
            broad += 40;
        }
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        StringBuilder csv = new StringBuilder("sku,name,category,unit,priceFen,stock,householdShareBp\n");
        for (int i = 0; i < broad; i++) {
            csv.append("W-").append(i).append(',').append("龘靐").append(marker).append('-').append(i)
                    .append(",FRUIT,箱,5990,10,0\n");
            csv.append("O-").append(i).append(",其他产品-").append(i).append(",FRUIT,箱,5990,10,0\n");
        }
        Api.asCooperative(cooperative).contentType("text/csv; charset=UTF-8").body(csv.toString())
                .post("/api/v1/cooperatives/" + cooperative + "/products/import").then().statusCode(200)
                .body("created", equalTo(2 * broad));
        long after = catalogueSize();
        assertThat(CatalogueWalk.pays(broad, () -> after, 20, 20)).as("the first two pages walk").isTrue();
        int deep = (broad - 1) / 20;
        assertThat(CatalogueWalk.pays(broad, () -> after, deep * 20L, 20)).as("the last page takes the index").isFalse();

        for (String text : List.of(marker, "龘靐")) {
            for (String region : Arrays.asList(null, Fixtures.GANSU)) {
                // the index's answer: every price is the same, so sorting by price lists by id, from the index
                List<Integer> indexed = new ArrayList<>();
                for (int page = 0; page * 200 < broad; page++) {
                    indexed.addAll(Api.anonymous().queryParam("q", text).queryParam("sort", "priceFen")
                            .queryParam("page", page).queryParam("size", 200)
                            .queryParams(region == null ? Map.of() : Map.of("regionCode", region))
                            .get("/api/v1/products").then().statusCode(200).body("total", equalTo(broad))
                            .extract().<List<Integer>>path("items.id"));
                }
                assertThat(indexed).hasSize(broad).doesNotHaveDuplicates();
                for (int page : List.of(0, 1, deep)) {
                    List<Integer> walked = Api.anonymous().queryParam("q", text).queryParam("page", page)
                            .queryParams(region == null ? Map.of() : Map.of("regionCode", region))
                            .get("/api/v1/products").then().statusCode(200).body("total", equalTo(broad))
                            .extract().path("items.id");
                    List<Integer> expected = indexed.subList(page * 20, Math.min(broad, page * 20 + 20));
                    assertThat(walked).as("%s in %s, page %d", text, region, page).isEqualTo(expected);
                }
                // along the key backwards
                List<Integer> backwards = new ArrayList<>(indexed);
                Collections.reverse(backwards);
                Api.anonymous().queryParam("q", text).queryParam("sort", "-id")
                        .queryParams(region == null ? Map.of() : Map.of("regionCode", region))
                        .get("/api/v1/products").then().statusCode(200)
                        .body("items.id", equalTo(backwards.subList(0, 20)));
            }
        }
    }

    /** The public catalogue's size: what a walk may read. */
    private static long catalogueSize() {
        return ((Number) Api.anonymous().queryParam("size", 1).get("/api/v1/products").then().statusCode(200)
                .extract().path("total")).longValue();
    }
}
