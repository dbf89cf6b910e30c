package cn.bangfu.market.identity;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Browser;
import cn.bangfu.market.support.Fixtures;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged service trusting a real Keycloak: Keycloak's Maven Central distribution imports
 * the realm in {@code k8s/keycloak/bangfu-realm.json}; users are added to it through Keycloak's
 * admin API as a county operator would (README, "Identity"); the tokens Keycloak issues for the
 * three roles drive the service, which verifies them through the realm's JWKS and issuer only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {

    private static final Path REALM = Path.of("k8s/keycloak/bangfu-realm.json");
    private static final String CLIENT = "bangfu-console";

    private EmbeddedPostgres postgres;
    private Process keycloak;
    private Process service;
    private String keycloakUrl;
    private String serviceUrl;
    private String adminPassword;
    private String earlierBaseUri;
    private int earlierPort;

    @BeforeAll
    void startKeycloakDatabaseAndService() throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.4.5"));
        assertThat(home.resolve("bin/kc.sh")).as("Keycloak unpacked by the pom before the ITs").exists();
        deleteRecursively(home.resolve("data/h2")); // start-dev's own database: each run starts from the realm file
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(REALM, imports.resolve("bangfu-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        int keycloakPort = freePort();
        keycloakUrl = "http://localhost:" + keycloakPort;
        adminPassword = UUID.randomUUID().toString();
        ProcessBuilder kc = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + keycloakPort, "--http-management-port=" + freePort(), "--import-realm")
                .redirectErrorStream(true).redirectOutput(Path.of("target/keycloak-it.log").toFile());
        kc.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        kc.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        kc.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
        keycloak = kc.start();

        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();

        awaitStatus(keycloakUrl + "/realms/bangfu/.well-known/openid-configuration", 200, Duration.ofMinutes(3), keycloak);
        allowPasswordGrantForTheseTests();

        int servicePort = freePort();
        serviceUrl = "http://localhost:" + servicePort;
        ProcessBuilder app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(Path.of("target/keycloak-it-service.log").toFile());
        Map<String, String> env = app.environment();
        env.keySet().removeIf(name -> name.startsWith("MP_JWT") || name.startsWith("DB_"));
        env.put("PORT", Integer.toString(servicePort));
        env.put("DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("DB_USERNAME", "postgres");
        env.put("DB_PASSWORD", "postgres");
        // exactly what a production deployment sets (k8s/base/configmap.yaml)
        env.put("MP_JWT_VERIFY_ISSUER", keycloakUrl + "/realms/bangfu");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keycloakUrl + "/realms/bangfu/protocol/openid-connect/certs");
        env.put("MP_JWT_VERIFY_AUDIENCES", "bangfu-market");
        service = app.start();
        awaitStatus(serviceUrl + "/q/health/ready", 200, Duration.ofMinutes(1), service);
        // the suite's response filters (OpenAPI validation, ID-number scan) follow the service under test
        earlierBaseUri = RestAssured.baseURI;
        earlierPort = RestAssured.port;
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = servicePort;
    }

    @AfterAll
    void stopAll() throws Exception {
        RestAssured.baseURI = earlierBaseUri;
        RestAssured.port = earlierPort;
        for (Process process : new Process[] {service, keycloak}) {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                process.waitFor();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void tokensOfTheThreeRolesDriveTheService() {
        String nation = tokenFor(newUser("bureau", Map.of("region_code", "000000")));
        for (String[] region : List.of(new String[] {"620000", "甘肃省", "PROVINCE", null},
                new String[] {"620800", "平凉市", "CITY", "620000"}, new String[] {"620826", "静宁县", "COUNTY", "620800"},
                new String[] {"120000", "天津市", "PROVINCE", null}, new String[] {"120100", "市辖区", "CITY", "120000"},
                new String[] {"120114", "武清区", "COUNTY", "120100"})) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("code", region[0], "name", region[1], "level", region[2]));
            if (region[3] != null) {
                body.put("parentCode", region[3]);
            }
            as(nation).body(body).post("/api/v1/regions").then().statusCode(201);
        }

        String county = tokenFor(newUser("bureau", Map.of("region_code", Fixtures.JINGNING)));
        long cooperative = as(county).body(Fixtures.cooperativeBody(Fixtures.JINGNING)).post("/api/v1/cooperatives")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as(county).body(Map.of("status", "APPROVED", "note", "材料齐全"))
                .post("/api/v1/cooperatives/" + cooperative + "/status").then().statusCode(200);

        // the operator gives the entity's account its cooperative_id once the entity is registered
        String entity = tokenFor(newUser("cooperative", Map.of("cooperative_id", Long.toString(cooperative))));
        long apple = as(entity).body(Fixtures.productBody()).post("/api/v1/cooperatives/" + cooperative + "/products")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        String wuqing = tokenFor(newUser("bureau", Map.of("region_code", Fixtures.WUQING)));
        long buyer = as(wuqing).body(Map.of("name", "武清区机关食堂", "kind", "ENTERPRISE", "regionCode", Fixtures.WUQING))
                .post("/api/v1/buyers").then().statusCode(201).extract().jsonPath().getLong("id");
        String canteen = tokenFor(newUser("buyer", Map.of("buyer_id", Long.toString(buyer))));
        long order = as(canteen).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Fixtures.orderBody(buyer, null, apple, 2)).post("/api/v1/orders")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        as(entity).post("/api/v1/orders/" + order + "/confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        as(canteen).get("/api/v1/orders/" + order).then().statusCode(200);
        // each role stays inside its claims: 武清区's bureau reads no 静宁县 entity, the entity acts for itself only
        as(wuqing).get("/api/v1/cooperatives/" + cooperative).then().statusCode(403);
        as(county).get("/api/v1/cooperatives/" + cooperative).then().statusCode(200);
        long neighbour = as(county).body(Fixtures.cooperativeBody(Fixtures.JINGNING)).post("/api/v1/cooperatives")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as(entity).get("/api/v1/cooperatives/" + neighbour).then().statusCode(403);
    }

    @Test
    void theTokenIsTheRealmsAccessTokenWithTheMappedClaims() {
        String token = tokenFor(newUser("bureau", Map.of("region_code", Fixtures.JINGNING)));
        Map<String, Object> claims = io.restassured.path.json.JsonPath.from(new String(
                Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8)).getMap("");
        assertThat(claims.get("iss")).isEqualTo(keycloakUrl + "/realms/bangfu");
        assertThat(claims.get("region_code")).isEqualTo(Fixtures.JINGNING);
        assertThat(claims.get("groups").toString()).contains("bureau");
        assertThat(claims.get("aud").toString()).contains("bangfu-market");
        assertThat(claims.get("sub")).isNotNull();
    }

    @Test
    void tokensFromElsewhereOrWithoutARoleAreRefused() {
        // signed by the development key, not the realm's: 401
        as(Api.token(Map.of("groups", List.of("bureau"), "region_code", "000000"))).get("/api/v1/regions")
                .then().statusCode(401).contentType("application/problem+json");
        // a genuine realm token, but its user holds no role of ours: 403
        String nobody = tokenFor(newUser(null, Map.of()));
        as(nobody).get("/api/v1/regions").then().statusCode(403).contentType("application/problem+json");
        // a realm token altered after signing: 401
        String county = tokenFor(newUser("bureau", Map.of("region_code", Fixtures.JINGNING)));
        String[] parts = county.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace(Fixtures.JINGNING, "000000").getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        as(forged).get("/api/v1/regions").then().statusCode(401);
    }

    private RequestSpecification as(String token) {
        return given().baseUri(serviceUrl).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** A user of the realm with one realm role and the given attributes, as an operator adds one; answers name and password. */
    private String[] newUser(String role, Map<String, String> attributes) {
        String admin = adminToken();
        String username = "u-" + UUID.randomUUID();
        String password = UUID.randomUUID() + "Aa1";
        Map<String, Object> attributeLists = new java.util.HashMap<>();
        attributes.forEach((name, value) -> attributeLists.put(name, List.of(value)));
        String location = admin(admin).body(Map.of("username", username, "enabled", true, "emailVerified", true,
                        "firstName", "测试", "lastName", "用户", "email", username + "@example.gov.cn",
                        "attributes", attributeLists,
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post("/admin/realms/bangfu/users").then().statusCode(201).extract().header("Location");
        if (role != null) {
            Map<String, Object> roleRep = admin(admin).get("/admin/realms/bangfu/roles/" + role)
                    .then().statusCode(200).extract().jsonPath().getMap("");
            admin(admin).body(List.of(roleRep)).post(location.substring(keycloakUrl.length()) + "/role-mappings/realm")
                    .then().statusCode(204);
        }
        return new String[] {username, password};
    }

    private String tokenFor(String[] user) {
        return given().baseUri(keycloakUrl).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", CLIENT)
                .formParam("username", user[0]).formParam("password", user[1]).formParam("scope", "openid")
                .post("/realms/bangfu/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * The realm's console client signs users in with the authorization code flow only; these tests
     * have no browser, so they let the client take passwords directly (password grant), on this
     * test realm only. The tokens are the same access tokens, with the same mappers.
     */
    /**
     * The console in a real browser against the realm: authorization code with PKCE through
     * Keycloak's own login page, then the overview of the user's region. Last, because it reads
     * the regions the first test registers.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void theConsoleSignsInThroughTheRealmWithPkce() throws IOException {
        String admin = adminToken();
        Map<String, Object> client = admin(admin).queryParam("clientId", CLIENT).get("/admin/realms/bangfu/clients")
                .then().statusCode(200).extract().jsonPath().getMap("[0]");
        assertThat(client.get("redirectUris")).isEqualTo(List.of("/console/*"));
        // the committed realm's redirect URIs are relative to its rootUrl: here, the service under test
        admin(admin).body(Map.of("rootUrl", serviceUrl)).put("/admin/realms/bangfu/clients/" + client.get("id"))
                .then().statusCode(204);
        String[] user = newUser("bureau", Map.of("region_code", Fixtures.JINGNING));
        ChromeDriver browser = Browser.start(Files.createTempDirectory("console-oidc"));
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(serviceUrl + "/console/");
            wait.until(d -> d.findElement(By.id("oidc-button")).isDisplayed());
            assertThat(browser.findElement(By.id("sign-in-form")).isDisplayed()).as("no role picker in production")
                    .isFalse();
            browser.findElement(By.id("oidc-button")).click();
            wait.until(d -> !d.findElements(By.id("username")).isEmpty());
            assertThat(browser.getCurrentUrl()).startsWith(keycloakUrl + "/realms/bangfu/")
                    .contains("code_challenge_method=S256");
            browser.findElement(By.id("username")).sendKeys(user[0]);
            browser.findElement(By.id("password")).sendKeys(user[1]);
            browser.findElement(By.id("kc-login")).click();
            wait.until(d -> "overview".equals(d.findElement(By.id("page")).getAttribute("data-page"))
                    && d.findElement(By.id("page")).getAttribute("aria-busy") == null);
            assertThat(browser.findElements(By.cssSelector("#page .problem"))).isEmpty();
            assertThat(browser.findElement(By.id("who-region")).getText()).isEqualTo(Fixtures.JINGNING);
            assertThat(browser.findElement(By.id("page")).getText()).contains("静宁县");
            assertThat(browser.getCurrentUrl()).doesNotContain("code=");
            JavascriptExecutor js = browser;
            assertThat(((Number) js.executeScript("return localStorage.length")).intValue()).isZero();
            Browser.screenshot(browser, "sign-in-oidc");

            // a refused access token (the realm's last 5 minutes) is renewed with the refresh token: the
            // next page is drawn, the user still signed in
            js.executeScript("sessionStorage.setItem('bangfu.console.token', 'expired'); location.hash = '#alerts'");
            wait.until(d -> "alerts".equals(d.findElement(By.id("page")).getAttribute("data-page"))
                    && d.findElement(By.id("page")).getAttribute("aria-busy") == null);
            assertThat(browser.findElements(By.cssSelector("#page .problem"))).isEmpty();
            assertThat(browser.findElement(By.id("who-region")).getText()).isEqualTo(Fixtures.JINGNING);
            assertThat((String) js.executeScript("return sessionStorage.getItem('bangfu.console.token')"))
                    .isNotEqualTo("expired").contains(".");

            // signing out ends the realm's session: signing in again asks for the password
            browser.findElement(By.id("sign-out")).click();
            wait.until(d -> d.getCurrentUrl().startsWith(serviceUrl + "/console/")
                    && d.findElement(By.id("oidc-button")).isDisplayed());
            assertThat(((Number) js.executeScript("return sessionStorage.length")).intValue()).isZero();
            browser.findElement(By.id("oidc-button")).click();
            wait.until(d -> !d.findElements(By.id("username")).isEmpty());
            assertThat(browser.getCurrentUrl()).startsWith(keycloakUrl + "/realms/bangfu/");

            // a user of another role is refused, and none of its tokens is kept
            String[] cooperative = newUser("cooperative", Map.of("cooperative_id", "1"));
            browser.findElement(By.id("username")).sendKeys(cooperative[0]);
            browser.findElement(By.id("password")).sendKeys(cooperative[1]);
            browser.findElement(By.id("kc-login")).click();
            wait.until(d -> d.getCurrentUrl().startsWith(serviceUrl + "/console/")
                    && d.findElement(By.id("sign-in-problem")).isDisplayed());
            assertThat(((Number) js.executeScript("return sessionStorage.length")).intValue()).isZero();
            assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        } finally {
            browser.quit();
        }
    }

    private void allowPasswordGrantForTheseTests() {
        String admin = adminToken();
        Map<String, Object> client = admin(admin).queryParam("clientId", CLIENT).get("/admin/realms/bangfu/clients")
                .then().statusCode(200).extract().jsonPath().getMap("[0]");
        assertThat(client.get("directAccessGrantsEnabled")).as("the realm as committed refuses passwords").isEqualTo(false);
        admin(admin).body(Map.of("directAccessGrantsEnabled", true))
                .put("/admin/realms/bangfu/clients/" + client.get("id")).then().statusCode(204);
    }

    private String adminToken() {
        return given().baseUri(keycloakUrl).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", adminPassword)
                .post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private RequestSpecification admin(String token) {
        return given().baseUri(keycloakUrl).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    private static void awaitStatus(String url, int status, Duration within, Process process) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("process serving " + url + " is running").isTrue();
            try {
                if (given().get(url).statusCode() == status) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(url + " did not answer " + status + " within " + within);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
