package cn.bangfu.market.imports;

import cn.bangfu.market.common.SpreadsheetMedia;
import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ImportTest {

    /** RestAssured would encode a text/* body as ISO-8859-1 without an explicit charset. */
    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String HEADER = "code,headName,idNumber,villageCode,members,category,phone\n";
    private String village;

    @BeforeEach
    void setUp() {
        Fixtures.standardRegions();
        village = Fixtures.newJingningVillage();
    }

    private String householdLine(String code, String name, String idNumber, String villageCode, String members,
                                 String category) {
        return String.join(",", code, name, idNumber, villageCode, members, category, "13900000000") + "\n";
    }

    /** A roster with its 生效日期 column, headed in Chinese as the template is. */
    private static final String DATED_HEADER = "\uFEFF户编码,户主姓名,身份证号,村代码,家庭人口,户类别,联系电话,生效日期\n";

    /** 王建国's household of four, 脱贫户, registered in the test's village; its id. */
    private long registerFourMembers(String code, String idNumber) {
        return Api.asNationalBureau().body(Map.of("code", code, "headName", "王建国", "idNumber", idNumber,
                        "villageCode", village, "members", 4, "category", "POVERTY_ALLEVIATED"))
                .post("/api/v1/households").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Imports one roster row: 王建国's household, 3 members, 脱贫户, from {@code effectiveFrom}. */
    private ValidatableResponse importThreeMembersFrom(String code, String idNumber, String effectiveFrom) {
        return Api.asBureau(Fixtures.JINGNING).contentType(CSV).body((DATED_HEADER + code + ",王建国," + idNumber
                        + "," + village + ",3,脱贫户,," + effectiveFrom + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/households/import").then();
    }

    private int householdsIn(String villageCode) {
        return Api.asNationalBureau().queryParam("villageCode", villageCode).get("/api/v1/households")
                .then().statusCode(200).extract().path("total");
    }

    @Test
    void threeBadRowsAmong500RejectTheWholeFile() {
        String prefix = Fixtures.uniqueCode("B");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 503; i++) {
            String code = prefix + "-" + i;
            String id = Fixtures.randomIdNumber();
            String members = "3";
            if (i == 10) {
                id = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'); // wrong check character
            } else if (i == 200) {
                members = "0";
            } else if (i == 502) {
                code = prefix + "-" + 0; // repeats the first row's code
            }
            csv.append(householdLine(code, "李四" + i, id, village, members, "POVERTY_ALLEVIATED"));
        }
        JsonPath problem = Api.asBureau(Fixtures.JINGNING).contentType(CSV).body(csv.toString())
                .post("/api/v1/households/import")
                .then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();
        // spreadsheet row numbers: the header is row 1
        assertThat(problem.getList("errors.row", Integer.class)).containsExactly(12, 202, 504);
        assertThat(problem.getList("errors.field", String.class)).containsExactly("idNumber", "members", "code");
        assertThat(problem.getString("errors[2].message")).contains("repeats row 2");
        // listed once, counted, and the detail counts rows, not errors
        assertThat(problem.getList("violations")).isNull();
        assertThat(problem.getInt("errorCount")).isEqualTo(3);
        assertThat(problem.getString("detail")).startsWith("3 of ");
        assertThat(householdsIn(village)).isZero();
    }

    @Test
    void aRosterRowMayDateItsChangeAheadWithinTheYearsKept() {
        String code = Fixtures.uniqueCode("U");
        String idNumber = Fixtures.randomIdNumber();
        long household = registerFourMembers(code, idNumber);
        int nextYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 1;
        importThreeMembersFrom(code, idNumber, "2101-01-01").statusCode(422)
                .body("errors[0].field", equalTo("effectiveFrom"));
        importThreeMembersFrom(code, idNumber, nextYear + "-03-01").statusCode(201);
        // recorded for its day: today's members stay until then
        Api.asNationalBureau().get("/api/v1/households/" + household).then().statusCode(200).body("members", equalTo(4));
        assertThat(Api.asNationalBureau().get("/api/v1/households/" + household + "/changes").then().statusCode(200)
                .extract().jsonPath().getList("items.effectiveFrom", String.class))
                .containsExactly(null, nextYear + "-03-01");
    }

    /**
     * A row is compared with the household as it stood on the row's day, not as it stands today:
     * registered with 4, 3 since 1 September of last year; a roster saying 3 from 1 March of last
     * year is a change (4 → 3 that day), though it matches today's 3.
     */
    @Test
    void aRosterRowIsComparedWithTheHouseholdOnItsOwnDay() {
        String code = Fixtures.uniqueCode("U");
        String idNumber = Fixtures.randomIdNumber();
        long household = registerFourMembers(code, idNumber);
        int lastYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 1;
        Api.asBureau(Fixtures.JINGNING).body(Map.of("effectiveFrom", lastYear + "-09-01", "members", 3, "reason", "一人外出"))
                .post("/api/v1/households/" + household + "/changes").then().statusCode(201);
        importThreeMembersFrom(code, idNumber, lastYear + "-03-01").statusCode(201);
        JsonPath history = Api.asNationalBureau().get("/api/v1/households/" + household + "/changes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.effectiveFrom", String.class))
                .containsExactly(null, lastYear + "-03-01", lastYear + "-09-01");
        assertThat(history.getList("items.members", Integer.class)).containsExactly(4, 3, 3);
        // the same roster again: on 1 March it is 3 now, nothing more to record
        importThreeMembersFrom(code, idNumber, lastYear + "-03-01").statusCode(201);
        assertThat(Api.asNationalBureau().get("/api/v1/households/" + household + "/changes").then()
                .extract().jsonPath().getList("items")).hasSize(3);
    }

    @Test
    void aRosterRowForAnExistingCodeCorrectsAndChangesItAllOrNothing() {
        String code = Fixtures.uniqueCode("U");
        String idNumber = Fixtures.randomIdNumber();
        long household = registerFourMembers(code, idNumber);
        int lastYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 1;
        String newCode = Fixtures.uniqueCode("N");

        // one bad row (a new household with no members): nothing is corrected, changed or added
        String bad = DATED_HEADER
                + code + ",王建华," + idNumber + "," + village + ",2,脱贫户,13900000009," + lastYear + "/7/1\n"
                + newCode + ",李四," + Fixtures.randomIdNumber() + "," + village + ",,脱贫户,,\n";
        Api.asBureau(Fixtures.JINGNING).contentType(CSV).body(bad.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/households/import").then().statusCode(422)
                .body("errors.row", equalTo(java.util.List.of(3)));
        JsonPath untouched = Api.asNationalBureau().get("/api/v1/households/" + household + "/changes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(untouched.getList("items")).hasSize(1);
        assertThat(untouched.getList("corrections")).isEmpty();
        assertThat(householdsIn(village)).isEqualTo(1);

        String good = DATED_HEADER
                + code + ",王建华," + idNumber + "," + village + ",2,脱贫户,13900000009," + lastYear + "/7/1\n"
                + newCode + ",李四," + Fixtures.randomIdNumber() + "," + village + ",3,边缘易致贫户,,\n";
        Api.asBureau(Fixtures.JINGNING).contentType(CSV).body(good.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/households/import").then().statusCode(201).body("imported", equalTo(2));
        JsonPath history = Api.asNationalBureau().get("/api/v1/households/" + household + "/changes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.effectiveFrom", String.class)).containsExactly(null, lastYear + "-07-01");
        assertThat(history.getList("items.members", Integer.class)).containsExactly(4, 2);
        assertThat(history.getList("corrections.field", String.class)).containsExactlyInAnyOrder("headName", "phone");
        Api.asNationalBureau().get("/api/v1/households/" + household).then().statusCode(200)
                .body("headName", equalTo("王建华")).body("members", equalTo(2));
        assertThat(householdsIn(village)).isEqualTo(2);
        // the new household's history starts with its registration
        long added = Api.asNationalBureau().queryParam("villageCode", village).get("/api/v1/households")
                .then().extract().jsonPath().getLong("items.find { it.code == '" + newCode + "' }.id");
        Api.asNationalBureau().get("/api/v1/households/" + added + "/changes").then().statusCode(200)
                .body("items.members", equalTo(java.util.List.of(3)));

        // the same roster again changes nothing more; another region's bureau cannot touch the code
        Api.asBureau(Fixtures.JINGNING).contentType(CSV).body(good.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/households/import").then().statusCode(201);
        assertThat(Api.asNationalBureau().get("/api/v1/households/" + household + "/changes").then()
                .extract().jsonPath().getList("items")).hasSize(2);
        String wuqingVillage = Fixtures.newVillage(Fixtures.newTownship(Fixtures.WUQING));
        Api.asBureau(Fixtures.WUQING).contentType(CSV).body((DATED_HEADER + code + ",张三," + idNumber + ","
                        + wuqingVillage + ",2,脱贫户,,\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/households/import").then().statusCode(422)
                .body("errors[0].message", containsString("outside your region"))
                .body(not(containsString(code))); // a household of another region is never named
    }

    @Test
    void csvWithBomAndChineseHeadersRoundTrips() {
        String prefix = Fixtures.uniqueCode("C");
        String csv = "\uFEFF户编码,户主姓名,身份证号,村代码,家庭人口,户类别,联系电话,备注\n"
                + prefix + "-1,欧阳娜娜," + Fixtures.randomIdNumber() + "," + village + ",5,脱贫户,13900000001,无\n"
                + prefix + "-2,\"马,小\"\"龙\"\"\"," + Fixtures.randomIdNumber() + "," + village + ",2,MONITORED_UNSTABLE,,\n"
                + "\n"
                + prefix + "-3,次仁卓玛," + Fixtures.randomIdNumber() + "," + village + ",1,边缘易致贫户,,\n";
        Api.asBureau(Fixtures.JINGNING).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/households/import")
                .then().statusCode(201).body("imported", equalTo(3));
        JsonPath list = Api.asNationalBureau().queryParam("villageCode", village).get("/api/v1/households")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.headName", String.class)).containsExactly("欧阳娜娜", "马,小\"龙\"", "次仁卓玛");
        assertThat(list.getList("items.category", String.class))
                .containsExactly("POVERTY_ALLEVIATED", "MONITORED_UNSTABLE", "MONITORED_MARGINAL");
        assertThat(list.getList("items.idNumber", String.class)).allMatch(id -> id.matches("620826\\*{8}\\d{3}[\\dX]"));
    }

    @Test
    void xlsxAsMultipartFormImports() throws IOException {
        String prefix = Fixtures.uniqueCode("X");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("农户");
            String[] header = {"户编码", "户主姓名", "身份证号", "村代码", "家庭人口", "户类别"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            for (int r = 1; r <= 20; r++) {
                sheet.value(r, 0, prefix + "-" + r);
                sheet.value(r, 1, "张桂英" + r);
                sheet.value(r, 2, Fixtures.randomIdNumber());
                if (r % 2 == 0) {
                    sheet.value(r, 3, village);
                } else { // a numeric cell as Apache POI writes one: "6.20826101201E11"
                    sheet.value(r, 3, Double.parseDouble(village));
                }
                sheet.value(r, 4, 3); // a numeric cell
                sheet.value(r, 5, "一般农户");
            }
        }
        Api.asBureau(Fixtures.JINGNING).contentType("multipart/form-data")
                .multiPart("file", "roster.xlsx", out.toByteArray(), SpreadsheetMedia.XLSX)
                .post("/api/v1/households/import").then().statusCode(201).body("imported", equalTo(20));
        assertThat(householdsIn(village)).isEqualTo(20);
        Api.asNationalBureau().queryParam("villageCode", village).queryParam("size", 1).get("/api/v1/households")
                .then().body("items[0].members", equalTo(3)).body("items[0].category", equalTo("ORDINARY"));
    }

    @Test
    void unreadableFilesAreA400() {
        Api.asNationalBureau().contentType(CSV).body("").post("/api/v1/households/import").then().statusCode(400);
        Api.asNationalBureau().contentType(CSV).body("code,headName\nA,b\n").post("/api/v1/households/import")
                .then().statusCode(400).body("detail", containsString("idNumber"));
        Api.asNationalBureau().contentType(CSV).body(HEADER).post("/api/v1/households/import")
                .then().statusCode(400);
        Api.asNationalBureau().contentType(SpreadsheetMedia.XLSX).body(new byte[]{0x50, 0x4B, 0x03, 0x04, 1, 2, 3})
                .post("/api/v1/households/import").then().statusCode(400);
        Api.asNationalBureau().contentType(CSV).body(HEADER + "\"unterminated,x\n")
                .post("/api/v1/households/import").then().statusCode(400);
        Api.asBuyer(1).contentType(CSV).body(HEADER).post("/api/v1/households/import").then().statusCode(403);
    }

    @Test
    void villagesOutsideTheBureauRegionAreRowErrors() {
        String csv = HEADER + householdLine(Fixtures.uniqueCode("O"), "赵六", Fixtures.randomIdNumber(), village, "2",
                "ORDINARY") + householdLine(Fixtures.uniqueCode("O"), "赵七", Fixtures.randomIdNumber(),
                Fixtures.JINGNING, "2", "ORDINARY");
        JsonPath problem = Api.asBureau(Fixtures.WUQING).contentType(CSV).body(csv)
                .post("/api/v1/households/import").then().statusCode(422).extract().jsonPath();
        assertThat(problem.getList("errors.row", Integer.class)).containsExactly(2, 3);
        assertThat(problem.getString("errors[0].message")).contains("outside your region");
        assertThat(problem.prettify()).doesNotContain(village); // another region's village is never named
        assertThat(problem.getString("errors[1].message")).contains("outside your region");
        assertThat(problem.prettify()).doesNotContain(Fixtures.JINGNING).doesNotContain("COUNTY");
        // inside the region, a county is no village
        Api.asBureau(Fixtures.JINGNING).contentType(CSV).body(HEADER + householdLine(Fixtures.uniqueCode("O"), "赵八",
                        Fixtures.randomIdNumber(), Fixtures.JINGNING, "2", "ORDINARY"))
                .post("/api/v1/households/import").then().statusCode(422)
                .body("errors[0].message", containsString("not a VILLAGE"));

        // the console asks in Chinese: the same rows and fields, every message in Chinese
        JsonPath chinese = Api.asBureau(Fixtures.WUQING).header("Accept-Language", "zh-CN").contentType(CSV).body(csv)
                .post("/api/v1/households/import").then().statusCode(422).extract().jsonPath();
        assertThat(chinese.getString("title")).isEqualTo("导入被拒绝");
        assertThat(chinese.getString("detail")).isEqualTo("2 行中有 2 行有误，共 2 处错误；未导入任何内容");
        assertThat(chinese.getList("errors.row", Integer.class)).containsExactly(2, 3);
        assertThat(chinese.getList("errors.field", String.class)).isEqualTo(problem.getList("errors.field", String.class));
        assertThat(chinese.getString("errors[0].message")).contains("你的管辖区域");
        assertThat(chinese.getString("errors[1].message")).contains("你的管辖区域");
        assertThat(chinese.getInt("errorCount")).isEqualTo(2);
    }

    @Test
    void misplacedIdNumbersAreNeverEchoed() {
        String id = Fixtures.randomIdNumber();
        // the ID number typed into the category column, and used as a household code
        String csv = HEADER + householdLine(Fixtures.uniqueCode("M"), "周八", Fixtures.randomIdNumber(), village, "2", id)
                + householdLine(id, "周九", Fixtures.randomIdNumber(), village, "2", "ORDINARY");
        String problem = Api.asBureau(Fixtures.JINGNING).contentType(CSV).body(csv)
                .post("/api/v1/households/import").then().statusCode(422).extract().asString();
        assertThat(problem).doesNotContain(id).contains(id.substring(0, 6) + "********" + id.substring(14));
        Map<String, Object> body = Fixtures.householdBody(village);
        body.put("code", id);
        Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(400)
                .body("violations[0].field", equalTo("code"));
        // a link list from a bureau whose region is not registered
        Api.asBureau("629999").contentType(CSV).body("householdCode,cooperativeId,mechanism,validFrom,weight\nX,1,SALES_SHARE,2026-01-01,1\n")
                .post("/api/v1/links/import").then().statusCode(403);
    }

    @Test
    void templatesDescribeTheLayout() {
        String households = Api.asNationalBureau().accept("text/csv").get("/api/v1/households/import/template")
                .then().statusCode(200).header("Content-Disposition", containsString("households-template.csv"))
                .extract().asString();
        assertThat(households).startsWith("\uFEFFcode,headName,idNumber,villageCode,members,category,phone");
        String links = Api.asNationalBureau().accept("text/csv").get("/api/v1/links/import/template").then().statusCode(200)
                .extract().asString();
        assertThat(links).contains("householdCode", "mechanism", "validFrom", "rentPerMuPerYearFen");
    }

    @Test
    void linkListImportsAllOrNothing() {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long product = Fixtures.newProduct(cooperative, Map.of());
        String prefix = Fixtures.uniqueCode("L");
        StringBuilder households = new StringBuilder(HEADER);
        for (int i = 0; i < 5; i++) {
            households.append(householdLine(prefix + "-" + i, "农户" + i, Fixtures.randomIdNumber(), village, "3",
                    "POVERTY_ALLEVIATED"));
        }
        Api.asBureau(Fixtures.JINGNING).contentType(CSV).body(households.toString())
                .post("/api/v1/households/import").then().statusCode(201);

        String header = "户编码,cooperativeId,联结方式,开始日期,结束日期,weight,productId,floorPriceFen,dailyWageFen,areaMu,rentPerMuPerYearFen\n";
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            good.add(prefix + "-" + i + "," + cooperative + ",销售分成,2026-01-01,," + (i + 1) + ",,,,,");
        }
        good.add(prefix + "-0," + cooperative + ",PROCUREMENT,2026-01-01,2026-12-31,," + product + ",350,,,");
        good.add(prefix + "-1," + cooperative + ",LAND_RENT,2026/1/1,,,,,,2.35,80000");
        good.add(prefix + "-2," + cooperative + ",WAGE,2026-03-01,,,,,15000,,");

        List<String> bad = new ArrayList<>(good);
        bad.add(prefix + "-0," + cooperative + ",SALES_SHARE,2026-06-01,,1,,,,,"); // overlaps row 2
        bad.add(prefix + "-9," + cooperative + ",WAGE,2026-03-01,,,,,15000,,"); // unknown household
        bad.add(prefix + "-3," + cooperative + ",DIVIDEND,2026-03-01,,1,,500,,,"); // foreign parameter
        JsonPath problem = Api.asBureau(Fixtures.JINGNING).contentType(CSV)
                .body(header + String.join("\n", bad) + "\n").post("/api/v1/links/import")
                .then().statusCode(422).extract().jsonPath();
        assertThat(problem.getList("errors.row", Integer.class)).containsExactly(10, 11, 12);
        assertThat(problem.getList("errors.field", String.class))
                .containsExactly("validFrom", "householdCode", "floorPriceFen");
        Api.asNationalBureau().queryParam("cooperativeId", cooperative).get("/api/v1/links")
                .then().body("total", equalTo(0));

        Api.asBureau(Fixtures.JINGNING).contentType(CSV).body(header + String.join("\n", good) + "\n")
                .post("/api/v1/links/import").then().statusCode(201).body("imported", equalTo(8));
        Api.asNationalBureau().queryParam("cooperativeId", cooperative).queryParam("size", 50).get("/api/v1/links")
                .then().body("total", equalTo(8));
        // importing the same list again overlaps every stored link
        Api.asBureau(Fixtures.JINGNING).contentType(CSV).body(header + String.join("\n", good) + "\n")
                .post("/api/v1/links/import").then().statusCode(422);
    }

    /** A link list cannot tell a household or cooperative of another region from one that does not exist. */
    @Test
    void linkImportAnswersOtherRegionsLikeUnknownOnes() {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        String code = Fixtures.uniqueCode("X");
        Fixtures.newHousehold(village, code, 3);
        String csv = "householdCode,cooperativeId,mechanism,validFrom,weight\n"
                + code + "," + cooperative + ",DIVIDEND,2026-01-01,1\n" // both exist, in 静宁县
                + Fixtures.uniqueCode("N") + ",987654321,DIVIDEND,2026-01-01,1\n"; // neither exists
        String answer = Api.asBureau(Fixtures.WUQING).contentType(CSV).body(csv).post("/api/v1/links/import")
                .then().statusCode(422).extract().asString();
        JsonPath problem = new JsonPath(answer);
        assertThat(problem.getList("errors.row", Integer.class)).containsExactly(2, 2, 3, 3);
        assertThat(problem.getList("errors.message", String.class)).containsExactly(
                "no such cooperative in your region", "no such household in your region",
                "no such cooperative in your region", "no such household in your region");
        assertThat(answer).doesNotContain(village).doesNotContain(Fixtures.JINGNING);
        // the same rows are fine for the bureau that governs them
        Api.asBureau(Fixtures.JINGNING).contentType(CSV).body("householdCode,cooperativeId,mechanism,validFrom,weight\n"
                + code + "," + cooperative + ",DIVIDEND,2026-01-01,1\n").post("/api/v1/links/import")
                .then().statusCode(201);
    }
}
