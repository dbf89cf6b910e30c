package cn.bangfu.market.regions;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RegionResourceTest {

    @BeforeEach
    void regions() {
        Fixtures.standardRegions();
    }

    @Test
    void createsReadsAndListsChildren() {
        String township = Fixtures.newTownship(Fixtures.JINGNING);
        Api.asNationalBureau()
                .body(Map.of("code", township.substring(0, 9) + "201", "name", "雷大村", "level", "VILLAGE",
                        "parentCode", township, "povertyAlleviated", true))
                .post("/api/v1/regions")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/regions/" + township.substring(0, 9) + "201"))
                .body("id", equalTo(township.substring(0, 9) + "201"))
                .body("code", equalTo(township.substring(0, 9) + "201"))
                .body("name", equalTo("雷大村"))
                .body("level", equalTo("VILLAGE"))
                .body("parentCode", equalTo(township))
                .body("povertyAlleviated", equalTo(true))
                .body("keyAssistance", equalTo(false));

        Api.asBureau(Fixtures.JINGNING).get("/api/v1/regions/" + Fixtures.JINGNING)
                .then().statusCode(200).body("name", equalTo("静宁县")).body("level", equalTo("COUNTY"))
                .body("parentCode", equalTo(Fixtures.PINGLIANG));
        Api.asBureau(Fixtures.JINGNING).queryParam("parentCode", township).get("/api/v1/regions")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].name", equalTo("雷大村"));
        Api.asNationalBureau().get("/api/v1/regions")
                .then().statusCode(200).body("items.code", hasItem(Fixtures.GANSU))
                .body("total", greaterThanOrEqualTo(2));
    }

    /** Regions are the bureau's, inside its region (api.md); the regions above its own are its context. */
    @Test
    void aBureauReadsItsRegionAndTheWayUpToIt() {
        Fixtures.standardRegions();
        // its own city and province, and below it
        Api.asBureau(Fixtures.JINGNING).get("/api/v1/regions/" + Fixtures.GANSU).then().statusCode(200);
        Api.asBureau(Fixtures.PINGLIANG).get("/api/v1/regions/" + Fixtures.JINGNING).then().statusCode(200);
        // above it, only the way down to it
        Api.asBureau(Fixtures.WUQING).get("/api/v1/regions").then().statusCode(200)
                .body("items.code", equalTo(java.util.List.of(Fixtures.TIANJIN))).body("total", equalTo(1));
        Api.asBureau(Fixtures.JINGNING).queryParam("parentCode", Fixtures.GANSU).get("/api/v1/regions")
                .then().statusCode(200).body("items.code", equalTo(java.util.List.of(Fixtures.PINGLIANG)));
        Api.asBureau(Fixtures.JINGNING).queryParam("parentCode", "629999").get("/api/v1/regions")
                .then().statusCode(200).body("total", equalTo(0));
        // elsewhere: 403, whose detail names no region (its instance is the path asked for)
        for (var refused : java.util.List.of(
                Api.asBureau(Fixtures.JINGNING).get("/api/v1/regions/" + Fixtures.WUQING),
                Api.asBureau(Fixtures.JINGNING).queryParam("parentCode", Fixtures.TIANJIN).get("/api/v1/regions"),
                Api.asBureau(Fixtures.WUQING).get("/api/v1/regions/" + Fixtures.PINGLIANG))) {
            refused.then().statusCode(403).contentType("application/problem+json");
            assertThat(refused.jsonPath().getString("detail")).doesNotContain(Fixtures.WUQING)
                    .doesNotContain(Fixtures.TIANJIN).doesNotContain(Fixtures.PINGLIANG);
        }
        // and only for bureau staff
        Api.asBuyer(1).get("/api/v1/regions/" + Fixtures.JINGNING).then().statusCode(403);
        Api.asCooperative(1).get("/api/v1/regions").then().statusCode(403);
    }

    @Test
    void unknownRegionIs404() {
        Api.asNationalBureau().get("/api/v1/regions/999999").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void duplicateCodeIs409() {
        Api.asNationalBureau().body(Map.of("code", Fixtures.JINGNING, "name", "静宁县", "level", "COUNTY",
                "parentCode", Fixtures.PINGLIANG)).post("/api/v1/regions")
                .then().statusCode(409).contentType("application/problem+json");
        // whichever parent the second registration names: it is a duplicate, not a misplaced region
        Api.asNationalBureau().body(Map.of("code", Fixtures.JINGNING, "name", "静宁县", "level", "COUNTY",
                "parentCode", Fixtures.GANSU)).post("/api/v1/regions").then().statusCode(409);
    }

    @Test
    void aLevelMayBeSkippedWhereNoRegionIsRegisteredBetween() {
        // 重庆市万州区 under 重庆市 itself, no 市辖区 registered; a village straight under its county
        Api.asNationalBureau().body(Map.of("code", "500000", "name", "重庆市", "level", "PROVINCE"))
                .post("/api/v1/regions").then().statusCode(201);
        Api.asNationalBureau().body(Map.of("code", "500101", "name", "万州区", "level", "COUNTY",
                "parentCode", "500000")).post("/api/v1/regions").then().statusCode(201)
                .body("parentCode", equalTo("500000"));
        Api.asNationalBureau().body(Map.of("code", "620826999001", "name", "直属村", "level", "VILLAGE",
                "parentCode", Fixtures.JINGNING)).post("/api/v1/regions").then().statusCode(201);
        // inside its county for the county's bureau, and a village households may live in
        Api.asBureau(Fixtures.JINGNING).get("/api/v1/regions/620826999001").then().statusCode(200)
                .body("level", equalTo("VILLAGE"));
        Api.asBureau(Fixtures.JINGNING).body(Fixtures.householdBody("620826999001")).post("/api/v1/households")
                .then().statusCode(201);
        Api.asBureau(Fixtures.WUQING).body(Fixtures.householdBody("620826999001")).post("/api/v1/households")
                .then().statusCode(403);

        // but not past a registered region: 天津市宝坻区 goes under 天津市's 市辖区 (120100), which its
        // bureau governs, not straight under 天津市
        Api.asNationalBureau().body(Map.of("code", "120115", "name", "宝坻区", "level", "COUNTY",
                "parentCode", Fixtures.TIANJIN)).post("/api/v1/regions").then().statusCode(422)
                .body("violations[0].field", equalTo("parentCode"))
                .body("violations[0].message", containsString(Fixtures.TIANJIN_DISTRICTS));
        // nor a region between a parent and what is registered straight under it (the village above)
        Api.asNationalBureau().body(Map.of("code", "620826999000", "name", "后设镇", "level", "TOWNSHIP",
                "parentCode", Fixtures.JINGNING)).post("/api/v1/regions").then().statusCode(422)
                .body("violations[0].field", equalTo("code"));
    }

    @Test
    void malformedCodesAndBadParentsAreRejected() {
        // a county code under a city with another prefix
        Api.asNationalBureau().body(Map.of("code", "620726", "name", "x", "level", "COUNTY",
                "parentCode", Fixtures.PINGLIANG)).post("/api/v1/regions")
                .then().statusCode(422).body("violations[0].field", equalTo("parentCode"));
        // a city code under a county: a region sits under a higher level only
        Api.asNationalBureau().body(Map.of("code", "620900", "name", "x", "level", "CITY",
                "parentCode", Fixtures.JINGNING)).post("/api/v1/regions")
                .then().statusCode(422).body("violations[0].field", equalTo("parentCode"));
        // unknown parent
        Api.asNationalBureau().body(Map.of("code", "629926", "name", "x", "level", "COUNTY",
                "parentCode", "629900")).post("/api/v1/regions")
                .then().statusCode(422).body("detail", equalTo("parentCode: region 629900 does not exist"));
        // code that does not fit its level
        Api.asNationalBureau().body(Map.of("code", "62082610000", "name", "x", "level", "TOWNSHIP",
                "parentCode", Fixtures.JINGNING)).post("/api/v1/regions")
                .then().statusCode(400).body("violations[0].field", equalTo("code"));
        // missing parent for a city
        Api.asNationalBureau().body(Map.of("code", "620900", "name", "x", "level", "CITY"))
                .post("/api/v1/regions").then().statusCode(400).body("violations[0].field", equalTo("parentCode"));
        // missing name and level
        Api.asNationalBureau().body(Map.of("code", "620900")).post("/api/v1/regions")
                .then().statusCode(400).body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("level"));
    }

    @Test
    void bureauActsOnlyInsideItsRegion() {
        String code = "620826" + "998" + "000";
        Map<String, Object> township = Map.of("code", code, "name", "试点镇", "level", "TOWNSHIP",
                "parentCode", Fixtures.JINGNING);
        Api.anonymous().body(township).post("/api/v1/regions").then().statusCode(401)
                .contentType("application/problem+json");
        Api.asCooperative(1).body(township).post("/api/v1/regions").then().statusCode(403)
                .contentType("application/problem+json");
        Api.asBureau(Fixtures.WUQING).body(township).post("/api/v1/regions").then().statusCode(403);
        // a parent outside the region is refused before anything is said about it (its level, here)
        Api.asBureau(Fixtures.WUQING).body(Map.of("code", "120114998000", "name", "试点镇", "level", "TOWNSHIP",
                        "parentCode", Fixtures.JINGNING)).post("/api/v1/regions").then().statusCode(403)
                .body("detail", not(containsString(Fixtures.JINGNING))).body("detail", not(containsString("COUNTY")));
        Api.asBureau(Fixtures.GANSU).body(Map.of("code", "630000", "name", "青海省", "level", "PROVINCE"))
                .post("/api/v1/regions").then().statusCode(403);
        // codes 900-999 are never drawn by Fixtures, so this one is free
        Api.asBureau(Fixtures.JINGNING).body(township).post("/api/v1/regions").then().statusCode(201);
        Api.asNationalBureau().get("/api/v1/regions/" + code).then().statusCode(200)
                .body("parentCode", equalTo(Fixtures.JINGNING));
        // reading needs a token: only the catalogue, health and OpenAPI are public
        Api.anonymous().get("/api/v1/regions/" + code).then().statusCode(401);
        Api.anonymous().get("/api/v1/regions").then().statusCode(401);
    }

    /** A region is inside itself: its bureau may register it, and nothing beside it. */
    @Test
    void aBureauRegistersItsOwnRegion() {
        Api.asBureau("540000").body(Map.of("code", "540000", "name", "西藏自治区", "level", "PROVINCE"))
                .post("/api/v1/regions").then().statusCode(201).body("parentCode", nullValue());
        Api.asBureau("540100").body(Map.of("code", "540100", "name", "拉萨市", "level", "CITY", "parentCode", "540000"))
                .post("/api/v1/regions").then().statusCode(201).body("parentCode", equalTo("540000"));
        Api.asBureau("540100").body(Map.of("code", "540200", "name", "日喀则市", "level", "CITY", "parentCode", "540000"))
                .post("/api/v1/regions").then().statusCode(403);
        Api.asBureau("540100").body(Map.of("code", "540000", "name", "西藏自治区", "level", "PROVINCE"))
                .post("/api/v1/regions").then().statusCode(403);
        Api.asBureau("540000").body(Map.of("code", "540000", "name", "西藏自治区", "level", "PROVINCE"))
                .post("/api/v1/regions").then().statusCode(409);
    }

    /**
     * The service keeps the paths of the regions it has read (RegionService.path): a code asked for
     * before its region exists is not kept as unknown (the database's side: SqlRulesTest).
     */
    @Test
    void aRegionAskedForBeforeItExistsIsFoundOnceCreated() {
        String code = null;
        for (int attempt = 0; code == null && attempt < 50; attempt++) {
            String candidate = Fixtures.JINGNING + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 900)) + "000";
            if (Api.asNationalBureau().get("/api/v1/regions/" + candidate).statusCode() == 404) {
                code = candidate;
            }
        }
        assertThat(code).as("a free township code").isNotNull();
        String township = code;
        Api.anonymous().queryParam("regionCode", township).get("/api/v1/products")
                .then().statusCode(200).body("total", equalTo(0));
        Api.asNationalBureau().body(Map.of("code", township, "name", "新设镇", "level", "TOWNSHIP",
                "parentCode", Fixtures.JINGNING)).post("/api/v1/regions").then().statusCode(201);
        long cooperative = Fixtures.newCooperative(township, true);
        long product = Fixtures.newProduct(cooperative, Map.of());
        Api.anonymous().queryParam("regionCode", township).get("/api/v1/products")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains((int) product));
        Api.anonymous().queryParam("regionCode", Fixtures.JINGNING).queryParam("size", 200)
                .queryParam("sort", "-id").get("/api/v1/products").then().statusCode(200)
                .body("items.id", hasItem((int) product));
    }
}
