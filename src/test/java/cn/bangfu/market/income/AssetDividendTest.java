package cn.bangfu.market.income;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** 资产收益: a village collective's dividend from an assistance-funded asset, traced to the asset in the ledger. */
@QuarkusTest
class AssetDividendTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aCollectivesAssetDividendIsTracedWithItsAsset() throws IOException {
        Fixtures.standardRegions();
        String village = Fixtures.newVillage(Fixtures.newTownship(Fixtures.JINGNING));
        Map<String, Object> body = Fixtures.cooperativeBody(village);
        body.put("kind", "VILLAGE_COLLECTIVE");
        body.put("name", "某村股份经济合作社");
        long collective = Api.asNationalBureau().body(body).post("/api/v1/cooperatives").then().statusCode(201)
                .body("kind", equalTo("VILLAGE_COLLECTIVE")).extract().jsonPath().getLong("id");
        Api.asNationalBureau().body(Map.of("status", "APPROVED")).post("/api/v1/cooperatives/" + collective + "/status")
                .then().statusCode(200);
        long first = Fixtures.newHousehold(village);
        long second = Fixtures.newHousehold(village);
        Fixtures.newLink(collective, first, "DIVIDEND", TODAY.withDayOfYear(1).toString(), Map.of("weight", 3));
        Fixtures.newLink(collective, second, "DIVIDEND", TODAY.withDayOfYear(1).toString(), Map.of("weight", 1));

        JsonPath dividend = Api.recording(collective).body(Map.of("amountFen", 40_000, "date", TODAY.toString(),
                        "note", "2026年度光伏收益分红", "assetRef", "JN-PV-2021-003", "assetName", "村级光伏电站"))
                .post("/api/v1/cooperatives/" + collective + "/dividends").then().statusCode(201)
                .body("contributions.amountFen", equalTo(List.of(30_000, 10_000)))
                .body("contributions.assetRef", everyItem(equalTo("JN-PV-2021-003")))
                .body("contributions.assetName", everyItem(equalTo("村级光伏电站")))
                .extract().jsonPath();
        // a dividend without an asset carries none
        Api.recording(collective).body(Map.of("amountFen", 4, "date", TODAY.toString()))
                .post("/api/v1/cooperatives/" + collective + "/dividends").then().statusCode(201)
                .body("contributions.assetRef", everyItem(equalTo(null)));
        // its reversal names the same asset
        Api.asBureau(Fixtures.JINGNING).body(Map.of("reason", "测试冲正"))
                .post("/api/v1/recordings/" + dividend.getLong("recordingId") + "/reversal").then().statusCode(201)
                .body("contributions.assetRef", everyItem(equalTo("JN-PV-2021-003")))
                .body("contributions.assetName", everyItem(equalTo("村级光伏电站")));

        Api.asBureau(Fixtures.JINGNING).queryParam("cooperativeId", collective).get("/api/v1/contributions")
                .then().statusCode(200).body("total", equalTo(6))
                .body("items.findAll { it.assetRef == 'JN-PV-2021-003' }.size()", equalTo(4));

        byte[] file = Api.asBureau(Fixtures.JINGNING).accept("*/*").queryParam("regionCode", village)
                .get("/api/v1/exports/contributions").then().statusCode(200).extract().asByteArray();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(file, StandardCharsets.UTF_8).substring(1)),
                CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        List<String> header = records.get(0).toList();
        assertThat(header).endsWith("资产编号", "资产名称");
        List<CSVRecord> traced = records.subList(1, records.size()).stream()
                .filter(r -> r.get(header.indexOf("资产编号")).equals("JN-PV-2021-003")).toList();
        assertThat(traced).hasSize(4).allSatisfy(r -> {
            assertThat(r.get(header.indexOf("资产名称"))).isEqualTo("村级光伏电站");
            assertThat(r.get(header.indexOf("经营主体"))).isEqualTo("某村股份经济合作社");
            assertThat(r.get(header.indexOf("联结方式"))).isEqualTo("入股分红");
        });
        assertThat(traced.stream().map(r -> r.get(header.indexOf("金额(元)"))).toList())
                .containsExactlyInAnyOrder("300.00", "100.00", "-300.00", "-100.00");
    }
}
