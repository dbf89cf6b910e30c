package cn.bangfu.market.households;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class HouseholdResourceTest {

    private String village;

    @BeforeEach
    void setUp() {
        Fixtures.standardRegions();
        village = Fixtures.newJingningVillage();
    }

    @Test
    void registersWithMaskedIdNumber() {
        Map<String, Object> body = Fixtures.householdBody(village);
        String id = (String) body.get("idNumber");
        Response response = Api.asBureau(Fixtures.JINGNING).body(body).post("/api/v1/households");
        response.then().statusCode(201)
                .body("code", equalTo(body.get("code")))
                .body("headName", equalTo("王建国"))
                .body("idNumber", equalTo(id.substring(0, 6) + "********" + id.substring(14)))
                .body("villageCode", equalTo(village))
                .body("members", equalTo(4))
                .body("category", equalTo("POVERTY_ALLEVIATED"));
        assertThat(response.asString()).doesNotContain(id);
        assertThat(response.header("Location")).contains("/api/v1/households/");

        long householdId = response.jsonPath().getLong("id");
        String read = Api.asBureau(Fixtures.PINGLIANG).get("/api/v1/households/" + householdId)
                .then().statusCode(200).body("idNumber", equalTo(id.substring(0, 6) + "********" + id.substring(14)))
                .extract().asString();
        assertThat(read).doesNotContain(id);
    }

    @Test
    void lowerCaseCheckCharacterIsNormalised() {
        String first17 = "62082619800101018"; // its check character is X
        assertThat(IdNumbers.checkCharacter(first17)).isEqualTo('X');
        Map<String, Object> body = Fixtures.householdBody(village);
        String id = first17 + "X";
        body.put("idNumber", first17 + "x");
        Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(201)
                .body("idNumber", equalTo("620826********" + id.substring(14)));
    }

    @Test
    void rejectsBadIdNumbersWithoutEchoingThem() {
        String valid = Fixtures.randomIdNumber();
        char wrongCheck = valid.charAt(17) == '1' ? '2' : '1';
        String wrong = valid.substring(0, 17) + wrongCheck;
        Map<String, Object> body = Fixtures.householdBody(village);
        body.put("idNumber", wrong);
        String answer = Api.asNationalBureau().body(body).post("/api/v1/households")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("idNumber"))
                .body("violations[0].message", equalTo("the check character does not match (GB 11643)"))
                .extract().asString();
        assertThat(answer).doesNotContain(wrong);

        String feb30 = "62082619900230001";
        body.put("idNumber", feb30 + IdNumbers.checkCharacter(feb30));
        Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(400)
                .body("violations[0].message", equalTo("the date of birth is not a calendar date"));
        String future = "62082620990101001";
        body.put("idNumber", future + IdNumbers.checkCharacter(future));
        Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(400)
                .body("violations[0].message", equalTo("the date of birth is out of range"));
    }

    @Test
    void villageMustBeAVillageThatExists() {
        Map<String, Object> body = Fixtures.householdBody(Fixtures.JINGNING);
        Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(422)
                .body("violations[0].field", equalTo("villageCode"));
        body.put("villageCode", "620826999999");
        Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(422);
    }

    @Test
    void fieldRules() {
        Map<String, Object> body = Fixtures.householdBody(village);
        body.put("members", 0);
        body.put("category", "RICH");
        Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(400);
        body.put("category", "ORDINARY");
        Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(400)
                .body("violations.field", contains("members"));
        body.remove("members");
        body.remove("code");
        Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(400)
                .body("violations.field", contains("code", "members"));
    }

    @Test
    void duplicateCodeIs409() {
        Map<String, Object> body = Fixtures.householdBody(village);
        Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(201);
        body.put("idNumber", Fixtures.randomIdNumber());
        Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(409);
    }

    @Test
    void bureauStaysInsideItsRegion() {
        Map<String, Object> body = Fixtures.householdBody(village);
        Api.anonymous().body(body).post("/api/v1/households").then().statusCode(401);
        Api.asCooperative(1).body(body).post("/api/v1/households").then().statusCode(403);
        Api.asBuyer(1).body(body).post("/api/v1/households").then().statusCode(403);
        Api.asBureau(Fixtures.WUQING).body(body).post("/api/v1/households").then().statusCode(403);
        // a region outside that is no village: 403 too, saying nothing of it (not even its level)
        Map<String, Object> underACounty = Fixtures.householdBody(Fixtures.JINGNING);
        Api.asBureau(Fixtures.WUQING).body(underACounty).post("/api/v1/households").then().statusCode(403)
                .body(not(containsString(Fixtures.JINGNING))).body(not(containsString("COUNTY")));
        Api.asBureau(Fixtures.JINGNING).body(underACounty).post("/api/v1/households").then().statusCode(422)
                .body("violations[0].field", equalTo("villageCode"));

        long id = Fixtures.newHousehold(village);
        Api.asBureau(Fixtures.WUQING).get("/api/v1/households/" + id).then().statusCode(403);
        Api.asCooperative(1).get("/api/v1/households/" + id).then().statusCode(403);
        Api.asBureau(Fixtures.WUQING).body(Map.of("amountFen", 1)).put("/api/v1/households/" + id + "/other-income/2026")
                .then().statusCode(403);
        // the village asked for, outside the caller's region, is not named back (nor the caller's own)
        Api.asBureau(Fixtures.WUQING).queryParam("villageCode", village).get("/api/v1/households")
                .then().statusCode(403).contentType("application/problem+json")
                .body(not(containsString(village))).body(not(containsString(Fixtures.WUQING)));
        Api.asNationalBureau().get("/api/v1/households/987654321").then().statusCode(404);
    }

    @Test
    void searchesByVillageAncestorAndCategory() {
        String otherVillage = Fixtures.newVillage(village.substring(0, 9) + "000");
        long a = Fixtures.newHousehold(village);
        Map<String, Object> monitored = Fixtures.householdBody(otherVillage);
        monitored.put("category", "MONITORED_MARGINAL");
        long b = Api.asNationalBureau().body(monitored).post("/api/v1/households").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        Api.asBureau(Fixtures.JINGNING).queryParam("villageCode", village).get("/api/v1/households")
                .then().statusCode(200).body("items.id", contains((int) a)).body("total", equalTo(1));
        String township = village.substring(0, 9) + "000";
        Api.asBureau(Fixtures.JINGNING).queryParam("villageCode", township).queryParam("size", 200)
                .get("/api/v1/households").then().statusCode(200)
                .body("items.id", hasItem((int) a)).body("items.id", hasItem((int) b));
        Api.asBureau(Fixtures.JINGNING).queryParam("villageCode", township).queryParam("category", "MONITORED_MARGINAL")
                .get("/api/v1/households").then().statusCode(200)
                .body("items.id", contains((int) b));
        // a bureau asking for its province sees its own county only
        Api.asBureau(Fixtures.JINGNING).queryParam("villageCode", Fixtures.GANSU).queryParam("size", 200)
                .get("/api/v1/households").then().statusCode(200)
                .body("items.villageCode", everyItem(org.hamcrest.Matchers.startsWith(Fixtures.JINGNING)));
        Api.asBureau(Fixtures.WUQING).queryParam("size", 200).get("/api/v1/households").then().statusCode(200)
                .body("items.id", not(hasItem((int) a)));
        Api.asNationalBureau().queryParam("category", "NOPE").get("/api/v1/households").then().statusCode(400);
    }

    @Test
    void declaresOtherIncomePerYear() {
        long id = Fixtures.newHousehold(village);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("amountFen", 1_250_000))
                .put("/api/v1/households/" + id + "/other-income/2026")
                .then().statusCode(200).body("amountFen", equalTo(1_250_000)).body("year", equalTo(2026))
                .body("householdId", equalTo((int) id));
        Api.asBureau(Fixtures.JINGNING).body(Map.of("amountFen", 1_300_000))
                .put("/api/v1/households/" + id + "/other-income/2026")
                .then().statusCode(200).body("amountFen", equalTo(1_300_000));
        Api.asBureau(Fixtures.JINGNING).body(Map.of("amountFen", -1))
                .put("/api/v1/households/" + id + "/other-income/2026").then().statusCode(400);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("amountFen", 1))
                .put("/api/v1/households/" + id + "/other-income/1899").then().statusCode(400);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("amountFen", 1))
                .put("/api/v1/households/" + id + "/other-income/abc").then().statusCode(400);
        Api.asBureau(Fixtures.JINGNING).body(Map.of("amountFen", 1))
                .put("/api/v1/households/987654321/other-income/2026").then().statusCode(404);
        List.of("{}", "{\"amountFen\": \"x\"}", "{\"amountFen\": 1.5}").forEach(bad ->
                Api.asBureau(Fixtures.JINGNING).body(bad).put("/api/v1/households/" + id + "/other-income/2026")
                        .then().statusCode(400));
    }

    /** q: the start of a household code, or a part of the head's name; % and _ are plain characters. */
    @Test
    void searchByTheStartOfACodeOrPartOfAName() {
        String village = Fixtures.newJingningVillage();
        String prefix = Fixtures.uniqueCode("Q");
        Map<String, Object> first = Fixtures.householdBody(village);
        first.put("code", prefix + "-1");
        first.put("headName", "欧阳娜娜");
        Map<String, Object> second = Fixtures.householdBody(village);
        second.put("code", prefix + "-2");
        second.put("headName", "李秀英");
        for (Map<String, Object> body : List.of(first, second)) {
            Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(201);
        }
        Api.asBureau(Fixtures.JINGNING).queryParam("q", prefix).get("/api/v1/households").then().statusCode(200)
                .body("items.code", contains(prefix + "-1", prefix + "-2"));
        Api.asBureau(Fixtures.JINGNING).queryParam("villageCode", village).queryParam("q", "秀英")
                .get("/api/v1/households").then().statusCode(200).body("items.code", contains(prefix + "-2"));
        Api.asBureau(Fixtures.JINGNING).queryParam("villageCode", village).queryParam("q", prefix.substring(1))
                .get("/api/v1/households").then().statusCode(200).body("total", equalTo(0)); // a start, not a part
        Api.asBureau(Fixtures.JINGNING).queryParam("villageCode", village).queryParam("q", "%")
                .get("/api/v1/households").then().statusCode(200).body("total", equalTo(0));
        Api.asBureau(Fixtures.WUQING).queryParam("q", prefix).get("/api/v1/households").then().statusCode(200)
                .body("total", equalTo(0));
    }
}
