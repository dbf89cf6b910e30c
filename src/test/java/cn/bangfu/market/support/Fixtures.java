package cn.bangfu.market.support;

import cn.bangfu.market.cooperatives.CreditCodes;
import cn.bangfu.market.households.IdNumbers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Test data created over the HTTP API, unique per call so tests never collide on the shared database. */
public final class Fixtures {

    public static final String GANSU = "620000"; // 甘肃省
    public static final String PINGLIANG = "620800"; // 平凉市
    public static final String JINGNING = "620826"; // 静宁县
    public static final String TIANJIN = "120000"; // 天津市
    public static final String TIANJIN_DISTRICTS = "120100"; // 市辖区
    public static final String WUQING = "120114"; // 武清区

    private static boolean standardRegionsReady;

    private Fixtures() {
    }

    /**
     * A fresh, empty server was started (the framework restarts the packaged service, with its
     * server, after a failed integration test): the standard regions must be registered again,
     * or one failure would cascade into every later test of the run.
     */
    static synchronized void emptyDatabaseStarted() {
        standardRegionsReady = false;
    }

    /** The province → city → county chains of 静宁县 and 武清区 (idempotent). */
    public static synchronized void standardRegions() {
        if (standardRegionsReady) {
            return;
        }
        ensureRegion(GANSU, "甘肃省", "PROVINCE", null);
        ensureRegion(PINGLIANG, "平凉市", "CITY", GANSU);
        ensureRegion(JINGNING, "静宁县", "COUNTY", PINGLIANG);
        ensureRegion(TIANJIN, "天津市", "PROVINCE", null);
        ensureRegion(TIANJIN_DISTRICTS, "市辖区", "CITY", TIANJIN);
        ensureRegion(WUQING, "武清区", "COUNTY", TIANJIN_DISTRICTS);
        standardRegionsReady = true;
    }

    private static void ensureRegion(String code, String name, String level, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "level", level));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        int status = Api.asNationalBureau().body(body).post("/api/v1/regions").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("could not create region " + code + ": " + status);
        }
    }

    /** A new township (乡镇) under a county, with a fresh code. */
    public static String newTownship(String county) {
        return newChild(county, 6, 3, "000", "TOWNSHIP", "测试镇");
    }

    /** A new village (村) under a township, with a fresh code. */
    public static String newVillage(String township) {
        return newChild(township, 9, 3, "", "VILLAGE", "测试村");
    }

    private static String newChild(String parent, int prefixDigits, int digits, String suffix, String level,
                                   String name) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int n = ThreadLocalRandom.current().nextInt(1, 900);
            String code = parent.substring(0, prefixDigits) + String.format("%0" + digits + "d", n) + suffix;
            int status = Api.asNationalBureau()
                    .body(Map.of("code", code, "name", name + n, "level", level, "parentCode", parent))
                    .post("/api/v1/regions").statusCode();
            if (status == 201) {
                return code;
            }
            if (status != 409) {
                throw new IllegalStateException("could not create " + level + " " + code + ": " + status);
            }
        }
        throw new IllegalStateException("no free " + level + " code under " + parent);
    }

    public static String randomCreditCode() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder("93").append("620826");
        while (sb.length() < 17) {
            sb.append("0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(random.nextInt(31)));
        }
        return sb.append(CreditCodes.checkCharacter(sb.toString())).toString();
    }

    public static Map<String, Object> cooperativeBody(String regionCode) {
        return new HashMap<>(Map.of("name", "静宁县红果苹果专业合作社", "creditCode", randomCreditCode(),
                "kind", "COOPERATIVE", "regionCode", regionCode, "contactPhone", "0933-1234567"));
    }

    /** A cooperative in {@code regionCode}, APPROVED when asked. */
    public static long newCooperative(String regionCode, boolean approved) {
        standardRegions();
        long id = Api.asNationalBureau().body(cooperativeBody(regionCode)).post("/api/v1/cooperatives")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        if (approved) {
            Api.asNationalBureau().body(Map.of("status", "APPROVED", "note", "材料齐全"))
                    .post("/api/v1/cooperatives/" + id + "/status").then().statusCode(200);
        }
        return id;
    }

    public static Map<String, Object> productBody() {
        return new HashMap<>(Map.of("name", "静宁苹果", "category", "FRUIT", "unit", "箱", "priceFen", 5990,
                "stock", 100, "householdShareBp", 1000, "brand", "静宁",
                "certifications", List.of("GEO_INDICATION", "GREEN_FOOD")));
    }

    /** A valid resident ID number (GB 11643) born in 1950-1999, address code 620826. */
    public static String randomIdNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = String.format("620826%04d%02d%02d%03d", 1950 + random.nextInt(50), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    public static String uniqueCode(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36).toUpperCase() + ThreadLocalRandom.current().nextInt(1000);
    }

    public static Map<String, Object> householdBody(String villageCode) {
        return new HashMap<>(Map.of("code", uniqueCode("H"), "headName", "王建国", "idNumber", randomIdNumber(),
                "villageCode", villageCode, "members", 4, "category", "POVERTY_ALLEVIATED",
                "phone", "13800000000"));
    }

    /** A fresh village under 静宁县 (through a fresh township). */
    public static String newJingningVillage() {
        return newVillage(newTownship(JINGNING));
    }

    public static long newHousehold(String villageCode) {
        return Api.asNationalBureau().body(householdBody(villageCode)).post("/api/v1/households")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A buyer of {@code kind} in {@code regionCode}; a BUDGET_UNIT gets a 1,000,000-yuan budget with a 30% reserve. */
    public static long newBuyer(String regionCode, String kind) {
        standardRegions();
        Map<String, Object> body = new HashMap<>(Map.of("name", "武清区机关食堂", "kind", kind, "regionCode", regionCode));
        if (kind.equals("BUDGET_UNIT")) {
            body.put("annualFoodBudgetFen", 100_000_000L);
            body.put("reserveBp", 3000);
        }
        return Api.asBureau(WUQING).body(body).post("/api/v1/buyers")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** 天津市 buys from 静宁县 in {@code year}. */
    public static long newAgreement(int year, long targetFen) {
        standardRegions();
        return Api.asBureau(JINGNING).body(Map.of("title", "津静东西部协作消费帮扶协议", "buyerRegionCode", TIANJIN,
                        "sellerRegionCode", JINGNING, "year", year, "targetFen", targetFen))
                .post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Map<String, Object> orderBody(long buyerId, Long agreementId, Object... productAndQuantity) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add(Map.of("productId", productAndQuantity[i], "quantity", productAndQuantity[i + 1]));
        }
        Map<String, Object> body = new HashMap<>(Map.of("buyerId", buyerId, "lines", lines));
        if (agreementId != null) {
            body.put("agreementId", agreementId);
        }
        return body;
    }

    /** Places an order with a fresh idempotency key; answers the order id. */
    public static long placeOrder(long buyerId, Long agreementId, Object... productAndQuantity) {
        return Api.asBuyer(buyerId).header("Idempotency-Key", uniqueCode("K"))
                .body(orderBody(buyerId, agreementId, productAndQuantity)).post("/api/v1/orders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Moves an order through confirm and ship (by {@code cooperativeId}) and deliver (by its buyer). */
    public static void deliver(long orderId, long cooperativeId, long buyerId) {
        Api.asCooperative(cooperativeId).post("/api/v1/orders/" + orderId + "/confirm").then().statusCode(200);
        Api.asCooperative(cooperativeId).post("/api/v1/orders/" + orderId + "/ship").then().statusCode(200);
        Api.asBuyer(buyerId).post("/api/v1/orders/" + orderId + "/deliver").then().statusCode(200);
    }

    /** A household with the given code in a village. */
    public static long newHousehold(String villageCode, String code, int members) {
        Map<String, Object> body = householdBody(villageCode);
        body.put("code", code);
        body.put("members", members);
        return Api.asNationalBureau().body(body).post("/api/v1/households")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A benefit link valid from {@code validFrom}, with the mechanism's parameters. */
    public static long newLink(long cooperativeId, long householdId, String mechanism, String validFrom,
                               Map<String, Object> parameters) {
        Map<String, Object> body = new HashMap<>(Map.of("cooperativeId", cooperativeId, "householdId", householdId,
                "mechanism", mechanism, "validFrom", validFrom));
        body.putAll(parameters);
        return Api.asNationalBureau().body(body).post("/api/v1/links")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long newProduct(long cooperativeId, Map<String, Object> overrides) {
        Map<String, Object> body = productBody();
        body.putAll(overrides);
        return Api.asCooperative(cooperativeId).body(body).post("/api/v1/cooperatives/" + cooperativeId + "/products")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
