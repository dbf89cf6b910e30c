package cn.bangfu.market.reports;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import cn.bangfu.market.support.SeedSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** 联农带农 assessment of a business entity, counted by hand and reconciled with /contributions. */
@QuarkusTest
class CooperativeReportTest {

    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Test
    void anEntitysYearReconcilesWithItsContributions() throws IOException {
        Fixtures.standardRegions();
        String village = Fixtures.newVillage(Fixtures.newTownship(Fixtures.JINGNING));
        long cooperative = Api.asNationalBureau().body(Fixtures.cooperativeBody(village)).post("/api/v1/cooperatives")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.asNationalBureau().body(Map.of("status", "APPROVED")).post("/api/v1/cooperatives/" + cooperative + "/status")
                .then().statusCode(200);
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 5000, "householdShareBp", 1000));
        long poor = Fixtures.newHousehold(village);                                  // POVERTY_ALLEVIATED
        Map<String, Object> unstableBody = Fixtures.householdBody(village);
        unstableBody.put("category", "MONITORED_UNSTABLE");
        long unstable = Api.asNationalBureau().body(unstableBody).post("/api/v1/households")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long idle = Fixtures.newHousehold(village);                                  // linked, never paid
        String from = YEAR + "-01-01";
        Fixtures.newLink(cooperative, poor, "SALES_SHARE", from, Map.of("weight", 1));
        Fixtures.newLink(cooperative, unstable, "SALES_SHARE", from, Map.of("weight", 1));
        Fixtures.newLink(cooperative, poor, "DIVIDEND", from, Map.of("weight", 1));
        Fixtures.newLink(cooperative, idle, "WAGE", from, Map.of("dailyWageFen", 12_000));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Fixtures.deliver(Fixtures.placeOrder(buyer, null, apple, 4), cooperative, buyer); // 20,000; pool 2,000 → 1,000 each
        Api.recording(cooperative).body(Map.of("amountFen", 3_001, "date", from, "note", "光伏收益分红"))
                .post("/api/v1/cooperatives/" + cooperative + "/dividends").then().statusCode(201);

        Map<String, Object> own = Api.asCooperative(cooperative).queryParam("year", YEAR)
                .get("/api/v1/cooperatives/" + cooperative + "/report").then().statusCode(200).extract().jsonPath()
                .getMap("");
        assertThat(own).containsEntry("cooperativeId", (int) cooperative).containsEntry("regionCode", village)
                .containsEntry("kind", "COOPERATIVE")
                .containsEntry("salesFen", 20_000).containsEntry("householdIncomeFen", 5_001)
                .containsEntry("byMechanism", Map.of("SALES_SHARE", 2_000, "DIVIDEND", 3_001, "PROCUREMENT", 0,
                        "WAGE", 0, "LAND_RENT", 0))
                .containsEntry("linkedHouseholds", 3).containsEntry("paidHouseholds", 2)
                .containsEntry("paidByCategory", Map.of("POVERTY_ALLEVIATED", 1, "MONITORED_UNSTABLE", 1,
                        "MONITORED_MARGINAL", 0, "MONITORED_SUDDEN_HARDSHIP", 0, "ORDINARY", 0))
                .containsEntry("returnedBp", 2501); // halfUp(5,001 × 10,000 / 20,000) = halfUp(2500.5)
        assertThat(contributionsFen(cooperative)).isEqualTo(5_001L);
        // every key, always, in the contract's order: the shape of a household's byMechanism
        assertThat(((Map<String, ?>) own.get("byMechanism")).keySet())
                .containsExactly("SALES_SHARE", "DIVIDEND", "PROCUREMENT", "WAGE", "LAND_RENT");

        // a list like every other (api.md "Lists"): the paging envelope
        JsonPath region = Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", village)
                .queryParam("year", YEAR).get("/api/v1/reports/cooperatives").then().statusCode(200).extract()
                .jsonPath();
        assertThat(region.<Map<String, Object>>getList("items")).containsExactly(own);
        assertThat(region.getInt("page")).isZero();
        assertThat(region.getInt("size")).isEqualTo(20);
        assertThat(region.getLong("total")).isEqualTo(1);
        assertThat(Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", village).queryParam("year", YEAR)
                .queryParam("page", 1).get("/api/v1/reports/cooperatives").then().statusCode(200).extract()
                .jsonPath().getList("items")).isEmpty();
        Api.asBureau(Fixtures.JINGNING).queryParam("size", 201).get("/api/v1/reports/cooperatives").then()
                .statusCode(400);
        Map<String, Object> lastYear = Api.asBureau(Fixtures.JINGNING).queryParam("year", YEAR - 1)
                .get("/api/v1/cooperatives/" + cooperative + "/report").then().statusCode(200).extract().jsonPath()
                .getMap("");
        assertThat(lastYear).containsEntry("salesFen", 0).containsEntry("householdIncomeFen", 0)
                .containsEntry("linkedHouseholds", 0).containsEntry("returnedBp", null)
                .containsEntry("byMechanism", Map.of("SALES_SHARE", 0, "DIVIDEND", 0, "PROCUREMENT", 0, "WAGE", 0,
                        "LAND_RENT", 0))
                .containsEntry("paidByCategory", Map.of("POVERTY_ALLEVIATED", 0, "MONITORED_UNSTABLE", 0,
                        "MONITORED_MARGINAL", 0, "MONITORED_SUDDEN_HARDSHIP", 0, "ORDINARY", 0));

        assertExportIsTheReport(village, own);

        Api.asBureau(Fixtures.WUQING).queryParam("regionCode", village).get("/api/v1/reports/cooperatives")
                .then().statusCode(403);
        Api.asBureau(Fixtures.WUQING).accept("*/*").queryParam("regionCode", village)
                .get("/api/v1/exports/cooperatives").then().statusCode(403);
        Api.asBureau(Fixtures.WUQING).get("/api/v1/cooperatives/" + cooperative + "/report").then().statusCode(403);
        Api.asCooperative(cooperative + 1).get("/api/v1/cooperatives/" + cooperative + "/report").then().statusCode(403);
        Api.asBuyer(buyer).get("/api/v1/cooperatives/" + cooperative + "/report").then().statusCode(403);
        Api.asNationalBureau().get("/api/v1/cooperatives/987654321/report").then().statusCode(404);

        // a year counts a household under its category of 31 December (income-rules.md §5), not today's:
        // a change dated to the year's last day moves this year's assessment before it takes effect
        Api.asNationalBureau().body(Map.of("effectiveFrom", YEAR + "-12-31", "category", "ORDINARY",
                        "reason", "风险消除")).post("/api/v1/households/" + unstable + "/changes").then().statusCode(201);
        assertThat(Api.asCooperative(cooperative).queryParam("year", YEAR)
                .get("/api/v1/cooperatives/" + cooperative + "/report").then().statusCode(200).extract().jsonPath()
                .getMap("paidByCategory")).isEqualTo(Map.of("POVERTY_ALLEVIATED", 1, "MONITORED_UNSTABLE", 0,
                "MONITORED_MARGINAL", 0, "MONITORED_SUDDEN_HARDSHIP", 0, "ORDINARY", 1));
        if (LocalDate.now(ZoneId.of("Asia/Shanghai")).getDayOfYear() < LocalDate.of(YEAR, 12, 31).getDayOfYear()) {
            Api.asNationalBureau().get("/api/v1/households/" + unstable).then().statusCode(200)
                    .body("category", equalTo("MONITORED_UNSTABLE")); // today's, until the 31st
        }
    }

    /**
     * A year with more returned than delivered: last year's delivery (its date moved there in SQL; the
     * API stamps today) returned this year. This year's sales are −20,000 and its income the dividend's
     * 3,001 (the sales share and its reversal cancel out), so returnedBp keeps the formula's sign (api.md:
     * null only when salesFen is 0): halfUp(3,001 × 10,000 / −20,000) = −1500.5 → −1501, in the report and
     * in the export's column. Next year grows from that negative year as the formula has it:
     * (0 + 20,000) × 10,000 / −20,000 = −10,000.
     */
    @Test
    void aYearOfNetReturnsKeepsTheFormulasSign() {
        Fixtures.standardRegions();
        String township = Fixtures.newTownship(Fixtures.JINGNING);
        String village = Fixtures.newVillage(township);
        long cooperative = Fixtures.newCooperative(village, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 5000, "householdShareBp", 1000));
        long household = Fixtures.newHousehold(village);
        Fixtures.newLink(cooperative, household, "SALES_SHARE", (YEAR - 1) + "-01-01", Map.of("weight", 1));
        Fixtures.newLink(cooperative, household, "DIVIDEND", (YEAR - 1) + "-01-01", Map.of("weight", 1));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        long order = Fixtures.placeOrder(buyer, null, apple, 4); // 20,000
        Fixtures.deliver(order, cooperative, buyer);
        assertThat(SeedSql.update("update consumption_order set delivered_on = ? where id = ?",
                LocalDate.of(YEAR - 1, 6, 30), order)).isEqualTo(1);
        long line = Api.asBuyer(buyer).get("/api/v1/orders/" + order).then().extract().jsonPath().getLong("lines[0].id");
        Api.asBuyer(buyer).post("/api/v1/orders/" + order + "/lines/" + line + "/return").then().statusCode(200);
        Api.recording(cooperative).body(Map.of("amountFen", 3_001, "date", YEAR + "-01-01", "note", "分红"))
                .post("/api/v1/cooperatives/" + cooperative + "/dividends").then().statusCode(201);

        Map<String, Object> report = Api.asCooperative(cooperative).queryParam("year", YEAR)
                .get("/api/v1/cooperatives/" + cooperative + "/report").then().statusCode(200).extract().jsonPath()
                .getMap("");
        assertThat(report).containsEntry("salesFen", -20_000).containsEntry("householdIncomeFen", 3_001)
                .containsEntry("returnedBp", -1501);
        Response csv = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", village)
                .queryParam("year", YEAR).get("/api/v1/exports/cooperatives");
        csv.then().statusCode(200);
        assertThat(csv.asString()).contains(",-200.00,30.01,").endsWith(",-15.01\r\n");

        JsonPath nextYear = Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", township)
                .queryParam("year", YEAR + 1).get("/api/v1/reports/regions").then().statusCode(200).extract().jsonPath();
        Map<String, Object> figures = nextYear.getMap("children.find { it.regionCode == '" + village + "' }");
        assertThat(figures).containsEntry("salesFen", 0).containsEntry("growthBp", -10_000);
        assertThat(nextYear.getMap("children.find { it.regionCode == '" + village + "' }.previous"))
                .containsEntry("salesFen", -20_000);
    }

    /** The sum of every /contributions row of the entity dated in the year, page after page. */
    private static long contributionsFen(long cooperative) {
        long sum = 0;
        for (int page = 0; ; page++) {
            JsonPath body = Api.asNationalBureau().queryParam("cooperativeId", cooperative)
                    .queryParam("from", YEAR + "-01-01").queryParam("to", YEAR + "-12-31")
                    .queryParam("page", page).queryParam("size", 200).get("/api/v1/contributions")
                    .then().statusCode(200).extract().jsonPath();
            sum += body.getList("items.amountFen", Long.class).stream().mapToLong(Long::longValue).sum();
            if ((long) (page + 1) * 200 >= body.getLong("total")) {
                return sum;
            }
        }
    }

    /**
     * GET /exports/cooperatives: the report's one entity of the village, column for column, in CSV
     * (Chinese headers) and XLSX (English headers).
     */
    private static void assertExportIsTheReport(String village, Map<String, Object> report) throws IOException {
        Response csv = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", village)
                .queryParam("year", YEAR).get("/api/v1/exports/cooperatives");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("cooperatives_" + village + "_" + YEAR + ".csv"));
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(
                new String(csv.asByteArray(), StandardCharsets.UTF_8).substring(1)), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).toList()).containsExactly("经营主体ID", "经营主体", "主体类型", "所在地代码", "所在地",
                "销售额(元)", "带农收益(元)", "销售分成(元)", "入股分红(元)", "订单收购(元)", "务工工资(元)", "土地流转租金(元)",
                "联结农户数", "受益农户数", "受益脱贫户数", "受益脱贫不稳定户数", "受益边缘易致贫户数", "受益突发严重困难户数",
                "受益一般农户数", "带农收益占销售额(%)");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).toList()).containsExactly(String.valueOf(report.get("cooperativeId")),
                (String) report.get("name"), "农民专业合作社", village, records.get(1).get(4),
                "200.00", "50.01", "20.00", "30.01", "0.00", "0.00", "0.00", "3", "2", "1", "1", "0", "0", "0", "25.01");
        assertThat(records.get(1).get(4)).isNotBlank();

        Response xlsx = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", village)
                .queryParam("year", YEAR).queryParam("format", "xlsx").queryParam("lang", "en")
                .get("/api/v1/exports/cooperatives");
        xlsx.then().statusCode(200).contentType(containsString("spreadsheetml"));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCellText(5)).isEqualTo("salesYuan");
            assertThat(rows.get(0).getCellText(15)).isEqualTo("paidMonitoredUnstable");
            assertThat(rows.get(1).getCellText(2)).isEqualTo("COOPERATIVE");
            assertThat(rows.get(1).getCell(6).asNumber().movePointRight(2).longValueExact())
                    .isEqualTo(((Number) report.get("householdIncomeFen")).longValue());
            assertThat(rows.get(1).getCell(19).asNumber().movePointRight(2).longValueExact())
                    .isEqualTo(((Number) report.get("returnedBp")).longValue());
        }
    }
}
