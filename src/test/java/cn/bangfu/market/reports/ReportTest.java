package cn.bangfu.market.reports;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import cn.bangfu.market.support.SeedSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ReportTest {

    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Test
    void regionFiguresPerChildRegion() {
        Fixtures.standardRegions();
        String township = Fixtures.newTownship(Fixtures.JINGNING);
        String busy = Fixtures.newVillage(township);
        String quiet = Fixtures.newVillage(township);
        long cooperative = Api.asNationalBureau().body(Fixtures.cooperativeBody(busy)).post("/api/v1/cooperatives")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.asNationalBureau().body(Map.of("status", "APPROVED")).post("/api/v1/cooperatives/" + cooperative + "/status")
                .then().statusCode(200);
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 5000, "householdShareBp", 1000));
        String prefix = Fixtures.uniqueCode("R");
        long poor = Fixtures.newHousehold(busy, prefix + "-1", 2);
        long rich = Fixtures.newHousehold(busy, prefix + "-2", 1);
        Fixtures.newHousehold(busy, prefix + "-3", 3); // not linked
        Fixtures.newHousehold(quiet, prefix + "-4", 1);
        Fixtures.newLink(cooperative, poor, "SALES_SHARE", YEAR + "-01-01", Map.of("weight", 1));
        Fixtures.newLink(cooperative, rich, "SALES_SHARE", YEAR + "-01-01", Map.of("weight", 1));
        Api.asNationalBureau().body(Map.of("amountFen", 5_000_000))
                .put("/api/v1/households/" + rich + "/other-income/" + YEAR).then().statusCode(200);
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        long order = Fixtures.placeOrder(buyer, null, apple, 4); // 20,000 fen; pool 2,000 → 1,000 each
        Fixtures.deliver(order, cooperative, buyer);

        JsonPath report = Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", township).queryParam("year", YEAR)
                .get("/api/v1/reports/regions").then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("children.regionCode", String.class)).containsExactlyInAnyOrder(busy, quiet);
        Map<String, Object> busyRow = report.getMap("children.find { it.regionCode == '" + busy + "' }");
        assertThat(busyRow).containsEntry("households", 3).containsEntry("linkedHouseholds", 2)
                .containsEntry("salesFen", 20000).containsEntry("contributionsFen", 2000)
                .containsEntry("otherIncomeFen", 5_000_000).containsEntry("householdIncomeFen", 5_002_000)
                .containsEntry("level", "VILLAGE");
        Map<String, Object> quietRow = report.getMap("children.find { it.regionCode == '" + quiet + "' }");
        assertThat(quietRow).containsEntry("households", 1).containsEntry("salesFen", 0);
        assertThat(report.getMap("total")).containsEntry("households", 4).containsEntry("salesFen", 20000)
                .containsEntry("regionCode", township);

        Api.asBureau(Fixtures.WUQING).queryParam("regionCode", township).get("/api/v1/reports/regions")
                .then().statusCode(403);
        Api.asCooperative(cooperative).get("/api/v1/reports/regions").then().statusCode(403);
    }

    /** The national root's report is the whole country's, its provinces as children; nobody else's. */
    @Test
    void theNationalRootReportsTheCountryByProvince() {
        Fixtures.standardRegions();
        Fixtures.newHousehold(Fixtures.newJingningVillage(), Fixtures.uniqueCode("N"), 2);
        JsonPath country = Api.asNationalBureau().queryParam("year", YEAR).get("/api/v1/reports/regions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(country.getString("total.regionCode")).isEqualTo("000000");
        assertThat(country.getString("total.level")).isEqualTo("NATIONAL");
        assertThat(country.getList("children.level", String.class)).isNotEmpty().containsOnly("PROVINCE");
        assertThat(country.getList("children.regionCode", String.class)).contains(Fixtures.GANSU);
        assertThat(country.getLong("total.households"))
                .isEqualTo(country.getList("children.households", Long.class).stream().mapToLong(Long::longValue).sum());
        assertThat(country.getLong("total.salesFen"))
                .isEqualTo(country.getList("children.salesFen", Long.class).stream().mapToLong(Long::longValue).sum());
        // a province's row is that province's own report
        JsonPath gansu = Api.asNationalBureau().queryParam("regionCode", Fixtures.GANSU).queryParam("year", YEAR)
                .get("/api/v1/reports/regions").then().statusCode(200).extract().jsonPath();
        Map<String, Object> gansuRow = country.getMap("children.find { it.regionCode == '" + Fixtures.GANSU + "' }");
        assertThat(((Number) gansuRow.get("households")).longValue()).isPositive()
                .isEqualTo(gansu.getLong("total.households"));
        assertThat(((Number) gansuRow.get("householdIncomeFen")).longValue())
                .isEqualTo(gansu.getLong("total.householdIncomeFen"));

        Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", "000000").get("/api/v1/reports/regions")
                .then().statusCode(403);
    }

    /**
     * At-risk counts of a year with a line, by hand: a province's first line gives every household
     * figures for the year (per capita 0 without income, so at risk); other income above the line
     * takes one out. Year 2033 is this test's own, so that no other test's line or income meets it.
     */
    @Test
    void atRiskHouseholdsPerChildRegion() {
        Fixtures.standardRegions();
        String township = Fixtures.newTownship(Fixtures.JINGNING);
        String first = Fixtures.newVillage(township);
        String second = Fixtures.newVillage(township);
        String prefix = Fixtures.uniqueCode("A");
        long comfortable = Fixtures.newHousehold(first, prefix + "-1", 2);
        Fixtures.newHousehold(first, prefix + "-2", 1);
        Fixtures.newHousehold(second, prefix + "-3", 4);
        Api.asBureau(Fixtures.GANSU).body(Map.of("perCapitaFen", 700_000)).put("/api/v1/monitoring-lines/620000/2033")
                .then().statusCode(200);
        // 2 members at 800,000 each: above the line of 700,000
        Api.asNationalBureau().body(Map.of("amountFen", 1_600_000))
                .put("/api/v1/households/" + comfortable + "/other-income/2033").then().statusCode(200);

        JsonPath report = Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", township).queryParam("year", 2033)
                .get("/api/v1/reports/regions").then().statusCode(200).extract().jsonPath();
        assertThat(report.getMap("children.find { it.regionCode == '" + first + "' }"))
                .containsEntry("households", 2).containsEntry("atRiskHouseholds", 1)
                .containsEntry("otherIncomeFen", 1_600_000);
        assertThat(report.getMap("children.find { it.regionCode == '" + second + "' }"))
                .containsEntry("households", 1).containsEntry("atRiskHouseholds", 1);
        assertThat(report.getMap("total")).containsEntry("households", 3).containsEntry("atRiskHouseholds", 2);
        // a year without a line in the province: no at-risk figure at all
        JsonPath noLine = Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", township).queryParam("year", 2034)
                .get("/api/v1/reports/regions").then().statusCode(200).extract().jsonPath();
        assertThat(noLine.getMap("total")).containsEntry("households", 3).containsEntry("atRiskHouseholds", null);
    }

    @Test
    void agreementFulfilment() {
        Fixtures.standardRegions();
        int year = 2031;
        long agreement = Api.asBureau(Fixtures.JINGNING).body(Map.of("title", "2031年津静协作", "buyerRegionCode",
                        Fixtures.TIANJIN, "sellerRegionCode", Fixtures.JINGNING, "year", year, "targetFen", 1_000_000))
                .post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 3333));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "TRADE_UNION");
        long order = Fixtures.placeOrder(buyer, agreement, apple, 30); // 99,990
        Fixtures.deliver(order, cooperative, buyer);

        JsonPath report = Api.asBureau(Fixtures.TIANJIN).queryParam("year", year).queryParam("size", 200)
                .get("/api/v1/reports/agreements").then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("items.agreementId", Long.class)).contains(agreement);
        Map<String, Object> row = report.getList("items.findAll { it.agreementId == " + agreement + " }", Map.class).get(0);
        assertThat(row).containsEntry("realizedFen", 99_990).containsEntry("realizedBp", 1000)
                .containsEntry("orders", 1).containsEntry("sellerRegionName", "静宁县")
                .containsEntry("buyerRegionName", "天津市");
        // a bureau on neither side does not see it
        String elsewhere = Fixtures.newTownship(Fixtures.WUQING);
        assertThat(Api.asBureau(elsewhere).queryParam("year", year).queryParam("size", 200)
                .get("/api/v1/reports/agreements").then().statusCode(200).extract().jsonPath()
                .getList("items.agreementId", Long.class)).doesNotContain(agreement);
    }

    /**
     * Growth of a region's sales, by hand: 10,000 fen delivered last year (the delivery's business
     * date moved there in SQL; the API stamps today) and 12,000 this year → 2000 bp, on the village,
     * on the township's total and at the top of the report.
     */
    @Test
    void regionSalesGrowth() {
        Fixtures.standardRegions();
        String township = Fixtures.newTownship(Fixtures.JINGNING);
        String village = Fixtures.newVillage(township);
        String still = Fixtures.newVillage(township);
        long cooperative = Fixtures.newCooperative(village, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 2000));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        long lastYears = Fixtures.placeOrder(buyer, null, apple, 5); // 10,000
        Fixtures.deliver(lastYears, cooperative, buyer);
        assertThat(SeedSql.update("update consumption_order set delivered_on = ? where id = ?",
                LocalDate.of(YEAR - 1, 6, 30), lastYears)).isEqualTo(1);
        Fixtures.deliver(Fixtures.placeOrder(buyer, null, apple, 6), cooperative, buyer); // 12,000
        Fixtures.newHousehold(village);

        JsonPath report = Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", township).queryParam("year", YEAR)
                .get("/api/v1/reports/regions").then().statusCode(200).extract().jsonPath();
        Map<String, Object> grown = report.getMap("children.find { it.regionCode == '" + village + "' }");
        assertThat(grown).containsEntry("salesFen", 12_000).containsEntry("growthBp", 2000);
        assertThat(report.getMap("children.find { it.regionCode == '" + village + "' }.previous"))
                .containsEntry("regionCode", village).containsEntry("salesFen", 10_000)
                .containsEntry("households", 1).containsEntry("growthBp", null).containsEntry("previous", null);
        assertThat(report.getMap("children.find { it.regionCode == '" + still + "' }"))
                .containsEntry("salesFen", 0).containsEntry("growthBp", null);
        assertThat(report.getMap("total")).containsEntry("growthBp", 2000);
        assertThat(report.getMap("total.previous")).containsEntry("salesFen", 10_000);
        assertThat(report.getInt("growthBp")).isEqualTo(2000);
        assertThat(report.getMap("previous")).isEqualTo(report.getMap("total.previous"));

        // last year's report sees only last year's delivery, and the year before it had none
        JsonPath lastYear = Api.asBureau(Fixtures.JINGNING).queryParam("regionCode", township)
                .queryParam("year", YEAR - 1).get("/api/v1/reports/regions").then().statusCode(200).extract().jsonPath();
        assertThat(lastYear.getMap("total")).containsEntry("salesFen", 10_000).containsEntry("growthBp", null);
        assertThat(lastYear.getMap("total.previous")).containsEntry("salesFen", 0);
    }

    /**
     * Growth of a pair's agreements, by hand: last year's agreement realized 10,000 fen, this
     * year's 12,000 (4,000 of it from a recognised product) → 2000 bp. A pair without last year's
     * agreement has zeros there and no growth.
     */
    @Test
    void agreementGrowth() {
        Fixtures.standardRegions();
        String sellers = Fixtures.newTownship(Fixtures.JINGNING);
        String buyers = Fixtures.newTownship(Fixtures.WUQING);
        long last = newAgreement(buyers, sellers, 2040, 50_000);
        long current = newAgreement(buyers, sellers, 2041, 60_000);
        long alone = newAgreement(Fixtures.newTownship(Fixtures.WUQING), sellers, 2041, 60_000);
        long cooperative = Fixtures.newCooperative(Fixtures.newVillage(sellers), true);
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 2000));
        long recognised = Fixtures.newProduct(cooperative, Map.of("priceFen", 1000));
        Api.asBureau(Fixtures.JINGNING).body(Map.of("certificateNo", "静宁认〔2041〕001号",
                        "validFrom", "2020-01-01", "validTo", "2099-12-31"))
                .post("/api/v1/products/" + recognised + "/recognition").then().statusCode(200);
        long canteen = Fixtures.newBuyer(buyers, "ENTERPRISE");
        Fixtures.deliver(Fixtures.placeOrder(canteen, last, apple, 5), cooperative, canteen);             // 10,000
        Fixtures.deliver(Fixtures.placeOrder(canteen, current, apple, 4, recognised, 4), cooperative, canteen); // 12,000

        JsonPath report = Api.asBureau(Fixtures.JINGNING).queryParam("year", 2041).queryParam("size", 200)
                .get("/api/v1/reports/agreements").then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("items.year", Integer.class)).containsOnly(2041);
        Map<String, Object> row = report.getMap("items.find { it.agreementId == " + current + " }");
        assertThat(row).containsEntry("realizedFen", 12_000).containsEntry("recognizedFen", 4_000)
                .containsEntry("realizedBp", 2000).containsEntry("growthBp", 2000);
        assertThat(report.getMap("items.find { it.agreementId == " + current + " }.previous"))
                .isEqualTo(Map.of("year", 2040, "agreements", 1, "targetFen", 50_000, "realizedFen", 10_000,
                        "realizedBp", 2000, "orders", 1, "recognizedFen", 0));
        assertThat(report.getMap("items.find { it.agreementId == " + alone + " }")).containsEntry("growthBp", null);
        assertThat(report.getMap("items.find { it.agreementId == " + alone + " }.previous"))
                .containsEntry("agreements", 0).containsEntry("realizedFen", 0);
        // an agreement's progress says the same (api.md: agreement reports gain previous and growthBp)
        JsonPath progress = Api.asBureau(Fixtures.JINGNING).get("/api/v1/agreements/" + current + "/progress").then()
                .statusCode(200).extract().jsonPath();
        assertThat(progress.getInt("growthBp")).isEqualTo(2000);
        assertThat(progress.getMap("previous")).isEqualTo(report.getMap("items.find { it.agreementId == " + current
                + " }.previous"));
        JsonPath first = Api.asBureau(Fixtures.JINGNING).get("/api/v1/agreements/" + alone + "/progress").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getMap("")).containsEntry("growthBp", null);
        assertThat(first.getMap("previous")).containsEntry("year", 2040).containsEntry("agreements", 0)
                .containsEntry("realizedFen", 0);
        // every year at once: both of the pair's agreements, each with its own previous year
        JsonPath all = Api.asBureau(buyers).queryParam("size", 200).get("/api/v1/reports/agreements").then()
                .statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.agreementId", Long.class)).containsExactly(last, current);
        assertThat(all.getMap("items.find { it.agreementId == " + last + " }")).containsEntry("growthBp", null);
        assertThat(all.getMap("items.find { it.agreementId == " + current + " }")).containsEntry("growthBp", 2000);
    }

    private static long newAgreement(String buyerRegion, String sellerRegion, int year, long targetFen) {
        return Api.asBureau(Fixtures.JINGNING).body(Map.of("title", year + "年协作", "buyerRegionCode", buyerRegion,
                        "sellerRegionCode", sellerRegion, "year", year, "targetFen", targetFen))
                .post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
