package cn.bangfu.market.income;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

/** income-rules.md §3–4 (v1.1): idempotent recordings, who and when, reversals, shares fixed at placing. */
@QuarkusTest
class RecordingTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int YEAR = TODAY.getYear();
    private static final String JAN_1 = YEAR + "-01-01";

    private String village;
    private long cooperative;
    private String prefix;

    @BeforeEach
    void setUp() {
        Fixtures.standardRegions();
        village = Fixtures.newJingningVillage();
        cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        prefix = Fixtures.uniqueCode("R");
    }

    private String path(String command) {
        return "/api/v1/cooperatives/" + cooperative + "/" + command;
    }

    private static long contributionsFen(long household) {
        return Api.asBureau(Fixtures.JINGNING).queryParam("year", YEAR).get("/api/v1/households/" + household + "/income")
                .then().statusCode(200).extract().jsonPath().getLong("contributionsFen");
    }

    @Test
    void aRetriedRecordingPaysOnce() {
        long household = Fixtures.newHousehold(village, prefix + "A", 3);
        Fixtures.newLink(cooperative, household, "WAGE", JAN_1, Map.of("dailyWageFen", 10000));
        Map<String, Object> wage = Map.of("householdId", household, "days", 2.5, "date", TODAY.toString());
        String key = UUID.randomUUID().toString();

        JsonPath first = Api.asCooperative(cooperative).header("Idempotency-Key", key).body(wage).post(path("wages"))
                .then().statusCode(201).header("Location", containsString("/api/v1/recordings/"))
                .body("kind", equalTo("WAGE_RECORD"))
                .body("recordedBy", equalTo("test-user"))
                .body("contributions.size()", equalTo(1))
                .body("contributions[0].amountFen", equalTo(25000))
                .body("contributions[0].recordedBy", equalTo("test-user"))
                .body("contributions[0].recordedAt", notNullValue())
                .extract().jsonPath();
        long recordingId = first.getLong("recordingId");
        assertThat(first.getLong("contributions[0].recordingId")).isEqualTo(recordingId);

        // the client timed out and retries: the same answer, with 200, and no second payment
        Api.asCooperative(cooperative).header("Idempotency-Key", key).body(wage).post(path("wages"))
                .then().statusCode(200)
                .body("recordingId", equalTo((int) recordingId))
                .body("contributions.id", equalTo(first.getList("contributions.id")))
                .body("contributions[0].amountFen", equalTo(25000));
        assertThat(contributionsFen(household)).isEqualTo(25000);

        // the same key for another body, and no key at all
        Api.asCooperative(cooperative).header("Idempotency-Key", key)
                .body(Map.of("householdId", household, "days", 3, "date", TODAY.toString())).post(path("wages"))
                .then().statusCode(422).contentType("application/problem+json");
        Api.asCooperative(cooperative).header("Idempotency-Key", key)
                .body(Map.of("amountFen", 100, "date", TODAY.toString())).post(path("dividends"))
                .then().statusCode(422);
        Api.asCooperative(cooperative).body(wage).post(path("wages"))
                .then().statusCode(400).body("detail", containsString("Idempotency-Key"));
        assertThat(contributionsFen(household)).isEqualTo(25000);

        // keys are the cooperative's own: another cooperative may use the same one
        long other = Fixtures.newCooperative(Fixtures.JINGNING, true);
        Api.asCooperative(other).header("Idempotency-Key", key)
                .body(Map.of("amountFen", 100, "date", TODAY.toString()))
                .post("/api/v1/cooperatives/" + other + "/dividends").then().statusCode(201);
    }

    @Test
    void concurrentReplaysOfOneKeyMakeOneRecording() throws Exception {
        List<Long> households = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long household = Fixtures.newHousehold(village, prefix + "C" + i, 2);
            Fixtures.newLink(cooperative, household, "DIVIDEND", JAN_1, Map.of("weight", 1 + i));
            households.add(household);
        }
        String key = UUID.randomUUID().toString();
        Map<String, Object> dividend = Map.of("amountFen", 60_001, "date", TODAY.toString(), "note", "年终分红");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Callable<Response> replay = () -> Api.asCooperative(cooperative).header("Idempotency-Key", key)
                        .body(dividend).post(path("dividends"));
                answers.add(pool.submit(replay));
            }
            List<Integer> statuses = new ArrayList<>();
            List<Long> recordingIds = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                recordingIds.add(response.jsonPath().getLong("recordingId"));
            }
            assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
            assertThat(recordingIds).containsOnly(recordingIds.get(0));
        } finally {
            pool.shutdownNow();
        }
        // 60,001 split 1:2:3 once: 10,000 + 20,000 + 30,001 (largest remainder to the third)
        assertThat(households.stream().map(RecordingTest::contributionsFen).toList())
                .containsExactly(10_000L, 20_000L, 30_001L);
    }

    @Test
    void onlyAnApprovedCooperativeRecords() {
        long household = Fixtures.newHousehold(village, prefix + "S", 3);
        Fixtures.newLink(cooperative, household, "DIVIDEND", JAN_1, Map.of("weight", 1));
        String key = UUID.randomUUID().toString();
        Map<String, Object> dividend = Map.of("amountFen", 500, "date", TODAY.toString());
        Api.asCooperative(cooperative).header("Idempotency-Key", key).body(dividend).post(path("dividends"))
                .then().statusCode(201);
        Api.asNationalBureau().body(Map.of("status", "SUSPENDED", "note", "停业整顿"))
                .post("/api/v1/cooperatives/" + cooperative + "/status").then().statusCode(200);

        Api.recording(cooperative).body(dividend).post(path("dividends"))
                .then().statusCode(409).body("detail", containsString("SUSPENDED"));
        Api.recording(cooperative).body(Map.of("from", JAN_1, "to", JAN_1)).post(path("land-rent-accruals"))
                .then().statusCode(409);
        // a retry of what was recorded before the suspension is still answered as it was
        Api.asCooperative(cooperative).header("Idempotency-Key", key).body(dividend).post(path("dividends"))
                .then().statusCode(200).body("contributions[0].amountFen", equalTo(500));
        assertThat(contributionsFen(household)).isEqualTo(500);

        long pending = Fixtures.newCooperative(Fixtures.JINGNING, false);
        Api.recording(pending).body(dividend).post("/api/v1/cooperatives/" + pending + "/dividends")
                .then().statusCode(409).body("detail", containsString("PENDING"));
    }

    @Test
    void aReversalNetsEveryHouseholdBackToTheFen() {
        long a = Fixtures.newHousehold(village, prefix + "A", 3);
        long b = Fixtures.newHousehold(village, prefix + "B", 3);
        Fixtures.newLink(cooperative, a, "DIVIDEND", JAN_1, Map.of("weight", 2));
        Fixtures.newLink(cooperative, b, "DIVIDEND", JAN_1, Map.of("weight", 1));
        Fixtures.newLink(cooperative, a, "WAGE", JAN_1, Map.of("dailyWageFen", 12345));
        Api.recording(cooperative).body(Map.of("householdId", a, "days", 1.5, "date", TODAY.toString()))
                .post(path("wages")).then().statusCode(201);
        long aBefore = contributionsFen(a);
        long bBefore = contributionsFen(b);

        JsonPath dividend = Api.recording(cooperative).body(Map.of("amountFen", 100_000, "date", TODAY.toString()))
                .post(path("dividends")).then().statusCode(201).extract().jsonPath();
        long recordingId = dividend.getLong("recordingId");
        assertThat(contributionsFen(a)).isEqualTo(aBefore + 66_667);
        assertThat(contributionsFen(b)).isEqualTo(bBefore + 33_333);

        JsonPath reversal = Api.asBureau(Fixtures.JINGNING).body(Map.of("reason", "重复申报"))
                .post("/api/v1/recordings/" + recordingId + "/reversal")
                .then().statusCode(201).header("Location", containsString("/api/v1/recordings/"))
                .body("kind", equalTo("REVERSAL"))
                .body("reversalOf", equalTo((int) recordingId))
                .body("reason", equalTo("重复申报"))
                .body("contributions.amountFen", equalTo(List.of(-66_667, -33_333)))
                .body("contributions.reversalOf", equalTo(dividend.getList("contributions.id")))
                .body("contributions.reason", everyItem(equalTo("重复申报")))
                .body("contributions.date", everyItem(equalTo(TODAY.toString())))
                .body("contributions.mechanism", everyItem(equalTo("DIVIDEND")))
                .extract().jsonPath();
        assertThat(contributionsFen(a)).isEqualTo(aBefore);
        assertThat(contributionsFen(b)).isEqualTo(bBefore);

        // the recording now names its reversal; the ledger shows who recorded each row and why
        Api.asCooperative(cooperative).get("/api/v1/recordings/" + recordingId).then().statusCode(200)
                .body("reversedBy", equalTo(reversal.getInt("recordingId")))
                .body("contributions.size()", equalTo(2));
        JsonPath ledger = Api.asBureau(Fixtures.JINGNING).queryParam("householdId", b)
                .get("/api/v1/contributions").then().statusCode(200).extract().jsonPath();
        assertThat(ledger.getList("items.recordingId", Long.class))
                .containsExactly(recordingId, reversal.getLong("recordingId"));
        assertThat(ledger.getList("items.reason", String.class)).containsExactly(null, "重复申报");
        assertThat(ledger.getList("items.recordedBy", String.class)).containsOnly("test-user");

        // the contribution export carries the same: recording, who, when and why
        String csv = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", village)
                .queryParam("lang", "en").get("/api/v1/exports/contributions").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow())
                .contains("recordingId", "recordedBy", "recordedAt", "reason");
        assertThat(csv.lines().filter(line -> line.contains("重复申报")))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("," + reversal.getLong("recordingId") + ",test-user,"));

        // never twice, never a reversal, never by someone else
        Api.asCooperative(cooperative).body(Map.of("reason", "again"))
                .post("/api/v1/recordings/" + recordingId + "/reversal").then().statusCode(409);
        Api.asCooperative(cooperative).body(Map.of("reason", "undo"))
                .post("/api/v1/recordings/" + reversal.getLong("recordingId") + "/reversal").then().statusCode(409);
        assertThat(contributionsFen(a)).isEqualTo(aBefore);
    }

    @Test
    void whoMayReverse() {
        long household = Fixtures.newHousehold(village, prefix + "W", 3);
        Fixtures.newLink(cooperative, household, "WAGE", JAN_1, Map.of("dailyWageFen", 10000));
        long recordingId = Api.recording(cooperative)
                .body(Map.of("householdId", household, "days", 1, "date", TODAY.toString())).post(path("wages"))
                .then().statusCode(201).extract().jsonPath().getLong("recordingId");
        String reversal = "/api/v1/recordings/" + recordingId + "/reversal";
        long other = Fixtures.newCooperative(Fixtures.JINGNING, true);

        Api.asCooperative(other).body(Map.of("reason", "x")).post(reversal).then().statusCode(403);
        Api.asBureau(Fixtures.WUQING).body(Map.of("reason", "x")).post(reversal).then().statusCode(403);
        Api.asBuyer(1).body(Map.of("reason", "x")).post(reversal).then().statusCode(403);
        Api.anonymous().body(Map.of("reason", "x")).post(reversal).then().statusCode(401);
        Api.asCooperative(other).get("/api/v1/recordings/" + recordingId).then().statusCode(403);
        Api.asNationalBureau().body(Map.of("reason", "x")).post("/api/v1/recordings/987654321/reversal")
                .then().statusCode(404);
        Api.asCooperative(cooperative).body(Map.of("reason", " ")).post(reversal).then().statusCode(400);
        Api.asCooperative(cooperative).body(Map.of()).post(reversal).then().statusCode(400);
        assertThat(contributionsFen(household)).isEqualTo(10_000);

        // the cooperative that recorded it may correct it
        Api.asCooperative(cooperative).body(Map.of("reason", "记错天数")).post(reversal).then().statusCode(201)
                .body("recordedBy", equalTo("test-user"));
        assertThat(contributionsFen(household)).isZero();
    }

    @Test
    void aReversedLandRentRangeCanBeAccruedAgain() {
        long household = Fixtures.newHousehold(village, prefix + "L", 3);
        Fixtures.newLink(cooperative, household, "LAND_RENT", JAN_1, Map.of("areaMu", 10, "rentPerMuPerYearFen", 36500));
        Map<String, Object> january = Map.of("from", JAN_1, "to", YEAR + "-01-31");
        long recordingId = Api.recording(cooperative).body(january).post(path("land-rent-accruals"))
                .then().statusCode(201).body("contributions[0].amountFen", equalTo(31_000))
                .extract().jsonPath().getLong("recordingId");
        Api.recording(cooperative).body(january).post(path("land-rent-accruals")).then().statusCode(409);

        Api.asCooperative(cooperative).body(Map.of("reason", "面积登记有误"))
                .post("/api/v1/recordings/" + recordingId + "/reversal").then().statusCode(201)
                .body("contributions[0].amountFen", equalTo(-31_000));
        Api.recording(cooperative).body(january).post(path("land-rent-accruals"))
                .then().statusCode(201).body("contributions[0].amountFen", equalTo(31_000));
        Api.recording(cooperative).body(january).post(path("land-rent-accruals")).then().statusCode(409);
        assertThat(contributionsFen(household)).isEqualTo(31_000);
    }

    @Test
    void theShareShownAtPlacingIsTheShareDeliveryPays() {
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 1000, "householdShareBp", 2000));
        long household = Fixtures.newHousehold(village, prefix + "O", 3);
        Fixtures.newLink(cooperative, household, "SALES_SHARE", JAN_1, Map.of("weight", 1));

        long order = Fixtures.placeOrder(buyer, null, apple, 5); // 5,000 fen at 20 %: 1,000 fen for households
        Api.asBuyer(buyer).get("/api/v1/orders/" + order).then().statusCode(200)
                .body("lines[0].householdShareBp", equalTo(2000));
        // the cooperative lowers the share after the buyer ordered
        Api.asCooperative(cooperative).body(Map.of("householdShareBp", 0)).patch("/api/v1/products/" + apple)
                .then().statusCode(200);
        Fixtures.deliver(order, cooperative, buyer);
        assertThat(contributionsFen(household)).isEqualTo(1_000);

        // order lines are corrected by returns, not by reversals
        JsonPath ledger = Api.asBureau(Fixtures.JINGNING).queryParam("householdId", household)
                .get("/api/v1/contributions").then().statusCode(200)
                .body("items[0].sourceType", equalTo("ORDER_LINE")).extract().jsonPath();
        long delivery = ledger.getLong("items[0].recordingId");
        Api.asNationalBureau().get("/api/v1/recordings/" + delivery).then().statusCode(200)
                .body("kind", equalTo("ORDER_DELIVERY"));
        Api.asNationalBureau().body(Map.of("reason", "x")).post("/api/v1/recordings/" + delivery + "/reversal")
                .then().statusCode(409).body("detail", containsString("returns"));

        // an order placed after the change shows, and pays, the new share
        long later = Fixtures.placeOrder(buyer, null, apple, 5);
        Api.asBuyer(buyer).get("/api/v1/orders/" + later).then().statusCode(200)
                .body("lines[0].householdShareBp", equalTo(0));
        Fixtures.deliver(later, cooperative, buyer);
        assertThat(contributionsFen(household)).isEqualTo(1_000);
    }
}
