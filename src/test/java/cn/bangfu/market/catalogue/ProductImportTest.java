package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.SpreadsheetMedia;
import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A cooperative's price list: export, edit, import back; new rows, sku updates and refused files. */
@QuarkusTest
class ProductImportTest {

    private static final String CSV = "text/csv; charset=UTF-8";

    /** The round trip of issue 16: export → edit one price → import → that price changed, and nothing else. */
    @Test
    void anEditedExportChangesOnlyWhatWasEdited() throws IOException {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("sku", "JN-APPLE-5KG", "name", "=静宁苹果 5kg",
                "priceFen", 5990, "certifications", List.of("GEO_INDICATION", "GREEN_FOOD")));
        long beef = Fixtures.newProduct(cooperative, Map.of("name", "平凉红牛 牛腩 1kg", "category", "LIVESTOCK",
                "priceFen", 12800, "householdShareBp", 500));
        long other = Fixtures.newCooperative(Fixtures.JINGNING, true);
        Fixtures.newProduct(other, Map.of("sku", "JN-APPLE-5KG"));
        Map<String, Object> appleBefore = product(apple);
        Map<String, Object> beefBefore = product(beef);

        List<CSVRecord> exported = csv(Api.asCooperative(cooperative).accept("*/*")
                .get("/api/v1/cooperatives/" + cooperative + "/products/export").then().statusCode(200)
                .header("Content-Disposition", containsString("products_" + cooperative + ".csv"))
                .extract().asByteArray());
        assertThat(exported.get(0).toList()).containsExactly("产品ID", "货号", "品名", "品类", "单位", "单价(元)", "库存",
                "农户分成(基点)", "品牌", "认证", "状态", "版本");
        assertThat(exported).hasSize(3); // its own two products, not the other cooperative's
        // certifications as the cooperative gave them (productBody: GEO_INDICATION, GREEN_FOOD)
        assertThat(exported.get(1).toList()).containsExactly(String.valueOf(apple), "JN-APPLE-5KG", "'=静宁苹果 5kg",
                "水果", "箱", "59.90", "100", "1000", "静宁", "地理标志、绿色食品", "在售",
                String.valueOf(appleBefore.get("version")));
        assertThat(exported.get(2).get(5)).isEqualTo("128.00");

        List<List<String>> edited = new ArrayList<>();
        exported.forEach(r -> edited.add(new ArrayList<>(r.toList())));
        edited.get(2).set(5, "118.50");
        Api.asCooperative(cooperative).contentType(CSV).body(write(edited))
                .post("/api/v1/cooperatives/" + cooperative + "/products/import").then().statusCode(200)
                .body("imported", equalTo(2)).body("created", equalTo(0)).body("updated", equalTo(1));

        assertThat(product(apple)).isEqualTo(appleBefore);
        Map<String, Object> beefAfter = product(beef);
        assertThat(beefAfter.get("priceFen")).isEqualTo(11850);
        assertThat(beefAfter.get("version")).isEqualTo((Integer) beefBefore.get("version") + 1);
        Map<String, Object> unchanged = new HashMap<>(beefAfter);
        unchanged.keySet().removeAll(List.of("priceFen", "version", "updatedAt"));
        Map<String, Object> expected = new HashMap<>(beefBefore);
        expected.keySet().removeAll(List.of("priceFen", "version", "updatedAt"));
        assertThat(unchanged).isEqualTo(expected);

        // the same file again: its versions are stale now for the edited row, and nothing is written
        Api.asCooperative(cooperative).contentType(CSV).body(write(edited))
                .post("/api/v1/cooperatives/" + cooperative + "/products/import").then().statusCode(422)
                .body("errors.field", hasItem("version")).body("errors.row", equalTo(List.of(3)));

        // the XLSX export, in English, imports as it is and changes nothing
        byte[] xlsx = Api.asCooperative(cooperative).accept("*/*").queryParam("format", "xlsx")
                .queryParam("lang", "en").get("/api/v1/cooperatives/" + cooperative + "/products/export")
                .then().statusCode(200).extract().asByteArray();
        Api.asCooperative(cooperative).contentType("multipart/form-data")
                .multiPart("file", "products.xlsx", xlsx, SpreadsheetMedia.XLSX)
                .post("/api/v1/cooperatives/" + cooperative + "/products/import").then().statusCode(200)
                .body("imported", equalTo(2)).body("updated", equalTo(0));
        assertThat(product(apple)).isEqualTo(appleBefore);
        assertThat(product(beef)).isEqualTo(beefAfter);
    }

    @Test
    void rowsBySkuUpdateNewRowsListAndABadRowRefusesTheFile() throws IOException {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("sku", "A-1", "priceFen", 5000, "stock", 10));
        String good = "sku,name,category,unit,priceFen,stock,householdShareBp\n"
                + "A-1,,,,5500,,\n"                              // by sku: only the price and nothing else
                + "B-2,静宁苹果 礼盒,FRUIT,盒,8800,50,800\n";   // new
        String bad = good + "C-3,,蔬菜,斤,1.0,-1,\n"                  // no name, a decimal fen, negative stock
                + "B-2,重复,FRUIT,盒,100,1,\n";                       // repeats row 3's sku
        Api.asCooperative(cooperative).contentType(CSV).body(bad.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/cooperatives/" + cooperative + "/products/import").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.row", equalTo(List.of(4, 4, 5)))
                .body("errors.field", equalTo(List.of("priceFen", "stock", "sku")));
        assertThat(product(apple).get("priceFen")).isEqualTo(5000);
        assertThat(skus(cooperative)).containsExactly("A-1");

        Api.asCooperative(cooperative).contentType(CSV).body(good.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/cooperatives/" + cooperative + "/products/import").then().statusCode(200)
                .body("imported", equalTo(2)).body("created", equalTo(1)).body("updated", equalTo(1));
        assertThat(product(apple)).containsEntry("priceFen", 5500).containsEntry("stock", 10);
        assertThat(skus(cooperative)).containsExactlyInAnyOrder("A-1", "B-2");

        // a new product needs its name (Chinese headers, yuan)
        String nameless = "货号,品类,单位,单价(元),库存\nD-4,水果,箱,59.9,3\n";
        Api.asCooperative(cooperative).contentType(CSV).body(nameless.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/cooperatives/" + cooperative + "/products/import").then().statusCode(422)
                .body("errors[0].field", equalTo("name")).body("errors[0].row", equalTo(2));
        // a product of another cooperative is no product of this one
        long stranger = Fixtures.newProduct(Fixtures.newCooperative(Fixtures.JINGNING, true), Map.of());
        Api.asCooperative(cooperative).contentType(CSV).body(("id,priceFen\n" + stranger + ",1\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/cooperatives/" + cooperative + "/products/import").then().statusCode(422)
                .body("errors[0].field", equalTo("id"));
        assertThat(product(stranger).get("priceFen")).isNotEqualTo(1);
    }

    @Test
    void templateAndAccess() throws IOException {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        List<CSVRecord> template = csv(Api.asCooperative(cooperative).accept("*/*")
                .get("/api/v1/cooperatives/" + cooperative + "/products/import/template").then().statusCode(200)
                .extract().asByteArray());
        assertThat(template.get(0).toList()).contains("sku", "name", "priceYuan", "version");
        // the template's example row is a product the import accepts
        StringWriter example = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(example, CSVFormat.RFC4180)) {
            printer.printRecord(template.get(0).toList());
            printer.printRecord(template.get(1).toList());
        }
        Api.asCooperative(cooperative).contentType(CSV).body(example.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/cooperatives/" + cooperative + "/products/import").then().statusCode(200)
                .body("created", equalTo(1));

        String file = "name,category,unit,priceFen,stock\n苹果,FRUIT,箱,100,1\n";
        Api.asCooperative(cooperative + 1).contentType(CSV).body(file)
                .post("/api/v1/cooperatives/" + cooperative + "/products/import").then().statusCode(403);
        Api.asBureau(Fixtures.JINGNING).contentType(CSV).body(file)
                .post("/api/v1/cooperatives/" + cooperative + "/products/import").then().statusCode(403);
        Api.asCooperative(cooperative + 1).accept("*/*")
                .get("/api/v1/cooperatives/" + cooperative + "/products/export").then().statusCode(403);
        Api.anonymous().accept("*/*").get("/api/v1/cooperatives/" + cooperative + "/products/export")
                .then().statusCode(401);
    }

    @Test
    void skuIsUniquePerCooperative() {
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long first = Fixtures.newProduct(cooperative, Map.of("sku", "S-1"));
        Map<String, Object> body = Fixtures.productBody();
        body.put("sku", "S-1");
        Api.asCooperative(cooperative).body(body).post("/api/v1/cooperatives/" + cooperative + "/products")
                .then().statusCode(409);
        body.put("sku", "=cmd");
        Api.asCooperative(cooperative).body(body).post("/api/v1/cooperatives/" + cooperative + "/products")
                .then().statusCode(400);
        long second = Fixtures.newProduct(cooperative, Map.of("sku", "S-2"));
        Api.asCooperative(cooperative).body(Map.of("sku", "S-1")).patch("/api/v1/products/" + second)
                .then().statusCode(409);
        Api.asCooperative(cooperative).body(Map.of("sku", "S-3")).patch("/api/v1/products/" + second)
                .then().statusCode(200).body("sku", equalTo("S-3"));
        Api.anonymous().get("/api/v1/products/" + first).then().statusCode(200).body("sku", equalTo("S-1"));
    }

    private static Map<String, Object> product(long id) {
        return Api.anonymous().get("/api/v1/products/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static List<String> skus(long cooperative) {
        return csv(Api.asCooperative(cooperative).accept("*/*").queryParam("lang", "en")
                .get("/api/v1/cooperatives/" + cooperative + "/products/export").then().statusCode(200)
                .extract().asByteArray()).stream().skip(1).map(r -> r.get(1)).toList();
    }

    private static List<CSVRecord> csv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] write(List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
