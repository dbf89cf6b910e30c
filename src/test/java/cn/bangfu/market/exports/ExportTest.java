package cn.bangfu.market.exports;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class ExportTest {

    private static final List<String> MECHANISMS = List.of("SALES_SHARE", "DIVIDEND", "PROCUREMENT", "WAGE", "LAND_RENT");

    private String village;
    private String prefix;
    private long cooperative;
    private final List<Long> households = new ArrayList<>();

    /** Five households with income through three mechanisms, other income and a monitoring line. */
    @BeforeEach
    void setUp() {
        Fixtures.standardRegions();
        village = Fixtures.newJingningVillage();
        prefix = Fixtures.uniqueCode("E");
        Map<String, Object> coop = Fixtures.cooperativeBody(Fixtures.JINGNING);
        coop.put("name", "静宁县\"红果\",苹果专业合作社");
        cooperative = Api.asNationalBureau().body(coop).post("/api/v1/cooperatives").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.asNationalBureau().body(Map.of("status", "APPROVED")).post("/api/v1/cooperatives/" + cooperative + "/status")
                .then().statusCode(200);
        households.clear();
        String[] names = {"王,建国", "李\"秀英\"", "欧阳娜娜", "次仁卓玛", "张三"};
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> body = Fixtures.householdBody(village);
            body.put("code", prefix + "-" + i);
            body.put("headName", names[i]);
            body.put("members", 1 + i);
            long id = Api.asNationalBureau().body(body).post("/api/v1/households").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            households.add(id);
            Fixtures.newLink(cooperative, id, "DIVIDEND", "2026-01-01", Map.of("weight", 1 + i));
            Fixtures.newLink(cooperative, id, "WAGE", "2026-01-01", Map.of("dailyWageFen", 12345));
            Api.recording(cooperative).body(Map.of("householdId", id, "days", 3.5, "date", "2026-05-0" + (1 + i)))
                    .post("/api/v1/cooperatives/" + cooperative + "/wages").then().statusCode(201);
        }
        Fixtures.newLink(cooperative, households.get(0), "LAND_RENT", "2026-01-01",
                Map.of("areaMu", 3.33, "rentPerMuPerYearFen", 60000));
        Api.recording(cooperative).body(Map.of("amountFen", 1_000_003, "date", "2026-06-30", "note", "分红"))
                .post("/api/v1/cooperatives/" + cooperative + "/dividends").then().statusCode(201);
        Api.recording(cooperative).body(Map.of("from", "2026-01-01", "to", "2026-06-30"))
                .post("/api/v1/cooperatives/" + cooperative + "/land-rent-accruals").then().statusCode(201);
        Api.asNationalBureau().body(Map.of("amountFen", 2_000_000))
                .put("/api/v1/households/" + households.get(2) + "/other-income/2026").then().statusCode(200);
        Api.asBureau(Fixtures.GANSU).body(Map.of("perCapitaFen", 700_000)).put("/api/v1/monitoring-lines/620000/2026")
                .then().statusCode(200);
    }

    private Map<String, JsonPath> incomeByCode() {
        Map<String, JsonPath> byCode = new HashMap<>();
        for (long id : households) {
            JsonPath income = Api.asBureau(Fixtures.JINGNING).queryParam("year", 2026)
                    .get("/api/v1/households/" + id + "/income").then().statusCode(200).extract().jsonPath();
            byCode.put(income.getString("householdCode"), income);
        }
        return byCode;
    }

    private static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    @Test
    void csvMatchesTheIncomeEndpointFigureForFigure() throws IOException {
        Response response = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", village)
                .queryParam("year", 2026).get("/api/v1/exports/household-income");
        response.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("household-income_" + village + "_2026.csv"))
                .header("Content-Disposition", containsString("filename*=UTF-8''"));
        byte[] bytes = response.asByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF); // UTF-8 BOM
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).toList()).containsExactly("户编码", "身份证号", "户主姓名", "村代码", "村名称", "家庭人口",
                "户类别", "销售分成(元)", "入股分红(元)", "订单收购(元)", "务工工资(元)", "土地流转租金(元)", "其他收入(元)",
                "年收入(元)", "人均收入(元)", "是否风险户"); // api.md's columns, no more
        assertThat(records).hasSize(1 + households.size());
        Map<String, JsonPath> incomes = incomeByCode();
        List<String> names = new ArrayList<>();
        for (CSVRecord row : records.subList(1, records.size())) {
            JsonPath income = incomes.get(row.get(0));
            assertThat(income).as(row.get(0)).isNotNull();
            assertThat(row.get(1)).matches("620826\\*{8}\\d{3}[\\dX]");
            names.add(row.get(2));
            assertThat(row.get(3)).isEqualTo(village);
            assertThat(Integer.parseInt(row.get(5))).isEqualTo(income.getInt("members"));
            assertThat(row.get(6)).isEqualTo("脱贫户");
            for (int m = 0; m < MECHANISMS.size(); m++) {
                assertThat(fen(row.get(7 + m))).as(row.get(0) + " " + MECHANISMS.get(m))
                        .isEqualTo(income.getLong("byMechanism." + MECHANISMS.get(m)));
                assertThat(row.get(7 + m)).matches("-?\\d+\\.\\d{2}");
            }
            assertThat(fen(row.get(12))).isEqualTo(income.getLong("otherIncomeFen"));
            assertThat(fen(row.get(13))).isEqualTo(income.getLong("annualIncomeFen"));
            assertThat(fen(row.get(14))).isEqualTo(income.getLong("perCapitaFen"));
            assertThat(row.get(15)).isEqualTo(income.getBoolean("atRisk") ? "是" : "否");
            assertThat(row.size()).isEqualTo(records.get(0).size());
        }
        assertThat(names).containsExactly("王,建国", "李\"秀英\"", "欧阳娜娜", "次仁卓玛", "张三");
        assertThat(text).doesNotContainPattern("620826(19|20)\\d{9}[\\dX]");
    }

    @Test
    void xlsxIsARealWorkbookWithTheSameFigures() throws IOException {
        Response response = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", village)
                .queryParam("year", 2026).queryParam("format", "xlsx").queryParam("lang", "en")
                .get("/api/v1/exports/household-income");
        response.then().statusCode(200).contentType(containsString("spreadsheetml"))
                .header("Content-Disposition", containsString("household-income_" + village + "_2026.xlsx"));
        byte[] bytes = response.asByteArray();
        List<Row> rows;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            rows = workbook.getFirstSheet().read();
        }
        assertThat(rows.get(0).getCellText(0)).isEqualTo("code");
        assertThat(rows.get(0).getCellText(7)).isEqualTo("salesShareYuan");
        assertThat(rows).hasSize(1 + households.size());
        Map<String, JsonPath> incomes = incomeByCode();
        for (Row row : rows.subList(1, rows.size())) {
            JsonPath income = incomes.get(row.getCellText(0));
            assertThat(income).isNotNull();
            assertThat(row.getCellText(1)).matches("620826\\*{8}\\d{3}[\\dX]");
            assertThat(row.getCellText(6)).isEqualTo("POVERTY_ALLEVIATED");
            for (int m = 0; m < MECHANISMS.size(); m++) {
                BigDecimal yuan = row.getCell(7 + m).asNumber();
                assertThat(yuan.movePointRight(2).longValueExact())
                        .isEqualTo(income.getLong("byMechanism." + MECHANISMS.get(m)));
            }
            assertThat(row.getCell(13).asNumber().movePointRight(2).longValueExact())
                    .isEqualTo(income.getLong("annualIncomeFen"));
            assertThat(row.getCell(5).asNumber().intValueExact()).isEqualTo(income.getInt("members"));
            assertThat(row.getCellText(15)).isEqualTo(income.getBoolean("atRisk") ? "true" : "false");
        }
        String sheetXml = part(bytes, "xl/worksheets/sheet1.xml");
        assertThat(sheetXml).contains("state=\"frozen\"").contains("<col ");
        assertThat(part(bytes, "xl/styles.xml")).contains("formatCode=\"0.00\"");
    }

    @Test
    void contributionLedgerExportMatchesTheLedger() throws IOException {
        JsonPath ledger = Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", village).queryParam("size", 200)
                .get("/api/v1/contributions").then().statusCode(200).extract().jsonPath();
        Response response = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", village)
                .queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/api/v1/exports/contributions");
        response.then().statusCode(200)
                .header("Content-Disposition", containsString("contributions_" + village + "_2026-01-01_2026-12-31.csv"));
        String text = new String(response.asByteArray(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records).hasSize(1 + ledger.getInt("total"));
        List<Long> exportedIds = records.subList(1, records.size()).stream().map(r -> Long.parseLong(r.get(0))).toList();
        assertThat(exportedIds).isEqualTo(ledger.getList("items.id", Long.class));
        List<Long> exportedAmounts = records.subList(1, records.size()).stream().map(r -> fen(r.get(9))).toList();
        assertThat(exportedAmounts).isEqualTo(ledger.getList("items.amountFen", Long.class));
        assertThat(records.get(1).get(7)).isEqualTo("静宁县\"红果\",苹果专业合作社");
        assertThat(records.subList(1, records.size()).stream().map(r -> r.get(8)).distinct().toList())
                .containsExactlyInAnyOrder("务工就业", "入股分红", "土地流转");
        assertThat(records.subList(1, records.size())).allSatisfy(r -> assertThat(r.get(4)).matches("620826\\*{8}\\d{3}[\\dX]"));

        Response xlsx = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", village)
                .queryParam("format", "xlsx").get("/api/v1/exports/contributions");
        xlsx.then().statusCode(200);
        // cell for cell the CSV's (whose texts need no neutralising here), the amount a number shown "0.00"
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.asByteArray()),
                new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(records.size());
            for (int r = 1; r < rows.size(); r++) {
                Row row = rows.get(r);
                CSVRecord record = records.get(r);
                for (int c = 0; c < record.size(); c++) {
                    if (c == 9) {
                        assertThat(row.getCell(c).getType()).isEqualTo(CellType.NUMBER);
                        assertThat(row.getCell(c).getDataFormatString()).isEqualTo("0.00");
                        assertThat(row.getCell(c).asNumber().movePointRight(2).longValueExact())
                                .isEqualTo(exportedAmounts.get(r - 1));
                    } else {
                        assertThat(row.getCellText(c)).as("row %d, column %d", r, c).isEqualTo(record.get(c));
                    }
                }
            }
        }
        // the texts that repeat (the entity, the mechanism, …) and empty ones are shared, each written once
        String shared = characters(part(xlsx.asByteArray(), "xl/sharedStrings.xml"));
        assertThat(shared.split("苹果专业合作社", -1)).hasSize(2);
        assertThat(shared).contains("务工就业").contains("<t xml:space=\"preserve\"></t>");
        assertThat(characters(part(xlsx.asByteArray(), "xl/worksheets/sheet1.xml"))).doesNotContain("苹果专业合作社")
                .contains("t=\"inlineStr\""); // the household's own texts stay in their cells
    }

    @Test
    void scopeAndParameters() {
        Api.asBureau(Fixtures.WUQING).accept("*/*").queryParam("regionCode", village)
                .get("/api/v1/exports/household-income").then().statusCode(403);
        Api.asCooperative(cooperative).accept("*/*").get("/api/v1/exports/household-income").then().statusCode(403);
        Api.anonymous().accept("*/*").get("/api/v1/exports/contributions").then().statusCode(401);
        Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("format", "pdf")
                .get("/api/v1/exports/household-income").then().statusCode(400);
        Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("year", "x")
                .get("/api/v1/exports/household-income").then().statusCode(400);
        Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("from", "2026-05-01").queryParam("to", "2026-04-01")
                .get("/api/v1/exports/contributions").then().statusCode(400);
        Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", "629999")
                .get("/api/v1/exports/contributions").then().statusCode(404);
        // days PostgreSQL cannot read as written into the export's statement: refused before streaming
        for (String[] day : new String[][] {{"to", "0000-01-01"}, {"from", "+10000-01-01"}, {"from", "1999-12-31"}}) {
            Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam(day[0], day[1])
                    .get("/api/v1/exports/contributions").then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("violations[0].field", org.hamcrest.Matchers.equalTo(day[0]));
        }
        // without a region: the bureau's own
        Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("year", 2026).get("/api/v1/exports/household-income")
                .then().statusCode(200).header("Content-Disposition", containsString("_620826_2026.csv"));
    }

    /**
     * The national root (000000) contains every region: its bureau's ledgers are the whole
     * country's, each household at its own province's line. The early-warning list is one
     * province's (its line's parameters), so the root names one.
     */
    @Test
    void theNationalBureauExportsTheWholeCountry() {
        String ledger = Api.asNationalBureau().accept("*/*").queryParam("year", 2026)
                .get("/api/v1/exports/household-income").then().statusCode(200)
                .header("Content-Disposition", containsString("_000000_2026.csv")).extract().asString();
        String jingning = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("year", 2026)
                .queryParam("regionCode", village).get("/api/v1/exports/household-income").then().statusCode(200)
                .extract().asString();
        // this test's village's rows, as the county's bureau gets them, are among the country's
        List<String> villageRows = jingning.lines().skip(1).toList();
        assertThat(villageRows).hasSize(5);
        assertThat(ledger.lines().toList()).containsAll(villageRows);
        String contributions = Api.asNationalBureau().accept("*/*").get("/api/v1/exports/contributions")
                .then().statusCode(200).extract().asString();
        assertThat(contributions).contains(prefix + "-0").contains(prefix + "-4");
        assertThat(Api.asNationalBureau().accept("*/*").queryParam("year", 2026).get("/api/v1/exports/cooperatives")
                .then().statusCode(200).extract().asString()).contains("苹果专业合作社");
        Api.asNationalBureau().accept("*/*").queryParam("year", 2026).get("/api/v1/exports/alerts")
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("regionCode"));
    }

    /** XML text with its character references (fastexcel writes every non-ASCII character as one) resolved. */
    private static String characters(String xml) {
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        Character.toString(Integer.parseInt(m.group(1), 16))));
    }

    /** One part of a workbook, read through the zip's central directory (entries are streamed with data descriptors). */
    private static String part(byte[] xlsx, String name) throws IOException {
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry entry = zip.getEntry(name);
                assertThat(entry).as(name).isNotNull();
                return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
