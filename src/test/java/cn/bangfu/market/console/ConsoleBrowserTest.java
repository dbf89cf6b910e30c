package cn.bangfu.market.console;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Browser;
import cn.bangfu.market.support.Fixtures;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console (工作台) in a real browser: Debian's headless chromium through chromium-driver
 * (installed by .ci/run), the service on the test port. A county bureau signs in with the
 * development role picker, opens every page, runs an import with one bad row, downloads an export
 * and reads its first row; each page is saved as a screenshot under target/screenshots/.
 */
@QuarkusTest
class ConsoleBrowserTest {

    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    private static ChromeDriver browser;
    private static Path downloads;

    @TestHTTPResource("/console/")
    URL console;

    @BeforeAll
    static void startBrowser() throws IOException {
        downloads = Files.createTempDirectory("console-downloads");
        browser = Browser.start(downloads);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCountyBureauWorksThroughEveryPage() throws IOException {
        Fixtures.standardRegions();
        String village = Fixtures.newJingningVillage();
        long cooperative = Fixtures.newCooperative(village, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("priceFen", 5000, "householdShareBp", 1000));
        String code = Fixtures.uniqueCode("C");
        long household = Fixtures.newHousehold(village, code, 3);
        Fixtures.newLink(cooperative, household, "SALES_SHARE", YEAR + "-01-01", Map.of("weight", 1));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Fixtures.deliver(Fixtures.placeOrder(buyer, null, apple, 4), cooperative, buyer);
        // the province's line for the year (as ExportTest sets it): the household's 2,000 fen are below it
        Api.asBureau(Fixtures.GANSU).body(Map.of("perCapitaFen", 700_000))
                .put("/api/v1/monitoring-lines/620000/" + YEAR).then().statusCode(200);
        String headName = Api.asNationalBureau().get("/api/v1/households/" + household).then().statusCode(200)
                .extract().jsonPath().getString("headName");

        browser.manage().window().setSize(new Dimension(1366, 768));
        // as the README says to open it: /console, which goes to /console/
        browser.get(console.toString().replaceAll("/$", "") + "?lang=zh");
        assertThat(browser.getCurrentUrl()).isEqualTo(console + "?lang=zh");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("sign-in-form")).isDisplayed());
        assertThat(browser.findElement(By.id("oidc-sign-in")).isDisplayed()).isFalse();
        new Select(browser.findElement(By.id("identity"))).selectByValue(Fixtures.JINGNING);
        browser.findElement(By.id("sign-in-button")).click();
        page("overview");
        // drawn once: signing in routed twice (the hash's change and the call), and both drew into the page
        sleep(1000);
        assertThat((Number) ((JavascriptExecutor) browser).executeScript("const ids = [...document.querySelectorAll("
                + "'#page [id]')].map(e => e.id); return ids.length - new Set(ids).size")).as("ids drawn twice")
                .isEqualTo(0L);
        assertThat(browser.findElements(By.id("card-households"))).hasSize(1);
        assertThat(text("card-households")).matches("(?s).*农户数.*\\d.*");
        assertThat(text("card-sales")).contains("销售额");
        // ECharts drew the chart (a canvas) with Chinese mechanism names
        assertThat(browser.findElements(By.cssSelector("#mechanism-chart canvas"))).isNotEmpty();
        assertAccessible();
        // the checker can fail: an image without a text alternative and an unnamed field are found
        JavascriptExecutor page = browser;
        page.executeScript("const bad = document.createElement('div'); bad.id = 'axe-probe';"
                + "bad.innerHTML = '<img src=\"x.png\"><input type=\"text\">'; document.querySelector('main').append(bad);");
        assertThat(new AxeBuilder().withTags(List.of("wcag2a")).analyze(browser).getViolations())
                .extracting(rule -> rule.getId()).contains("image-alt", "label");
        page.executeScript("document.getElementById('axe-probe').remove()");
        screenshot("overview");

        // keyboard only: tab from the top to the 农户 link and press Enter
        ((JavascriptExecutor) browser).executeScript("document.activeElement && document.activeElement.blur()");
        Actions keys = new Actions(browser);
        for (int i = 0; i < 30 && !"农户".equals(focused().getText()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(focused().getText()).isEqualTo("农户");
        keys.sendKeys(Keys.ENTER).perform();
        page("households");
        WebElement villageCode = browser.findElement(By.id("village-code"));
        villageCode.clear();
        villageCode.sendKeys(village);
        browser.findElement(By.id("household-q")).sendKeys(code, Keys.ENTER);
        WebElement link = waitFor(By.linkText(code));
        assertAccessible();
        screenshot("households");
        assertThat(browser.findElements(By.cssSelector("#household-results .partial"))).as("all of one shown").isEmpty();
        // a list cut to its page says so (a village may hold more households, or alerts, than a page):
        // the next answer claims 734 in all
        ((JavascriptExecutor) browser).executeScript("const real = window.fetch; window.fetch = async (url, options) => {"
                + " const response = await real(url, options); if (!String(url).includes('/api/v1/households?')) return response;"
                + " window.fetch = real; const body = await response.json();"
                + " return new Response(JSON.stringify({ ...body, total: 734 }), { headers: { 'Content-Type': 'application/json' } }); };");
        browser.findElement(By.id("household-q")).sendKeys(Keys.ENTER);
        assertThat(waitFor(By.cssSelector("#household-results .partial")).getText())
                .isEqualTo("显示前 1 条，共 734 条；全部请在“导出”中下载。");
        link = waitFor(By.linkText(code));
        link.click();
        page("household");
        assertThat(browser.findElement(By.id("page")).getText()).contains(headName).contains("销售分成")
                .doesNotContainPattern("\\d{17}[\\dX]"); // the ID number masked
        assertAccessible();
        screenshot("household");

        browser.get(console + "#alerts");
        page("alerts");
        assertThat(waitFor(By.linkText(code)).findElement(By.xpath("./ancestor::tr")).getText()).contains("低于监测线");
        assertAccessible();
        screenshot("alerts");

        browser.get(console + "#import");
        page("import");
        new Select(browser.findElement(By.id("import-kind"))).selectByValue("households");
        Path roster = Files.createTempFile("roster", ".csv");
        Files.writeString(roster, "\uFEFF户编码,户主姓名,身份证号,村代码,家庭人口,户类别\n"
                + Fixtures.uniqueCode("G") + ",张三," + Fixtures.randomIdNumber() + "," + village + ",3,脱贫户\n"
                + Fixtures.uniqueCode("G") + ",李四," + Fixtures.randomIdNumber() + "," + village + ",0,脱贫户\n",
                StandardCharsets.UTF_8);
        browser.findElement(By.id("import-file")).sendKeys(roster.toAbsolutePath().toString());
        browser.findElement(By.id("import-button")).click();
        WebElement errors = waitFor(By.id("import-errors"));
        assertThat(errors.findElements(By.cssSelector("tbody tr"))).hasSize(1);
        assertThat(errors.findElement(By.cssSelector("tbody td")).getText()).isEqualTo("3");
        assertThat(errors.getText()).contains("members");
        // members 0: Bean Validation's message, answered in Chinese because the console asks for it
        assertThat(errors.findElements(By.cssSelector("tbody td")).get(2).getText()).isEqualTo("必须大于或等于1");
        assertAccessible();
        screenshot("import");

        browser.get(console + "#export");
        page("export");
        WebElement exportRegion = browser.findElement(By.id("export-region"));
        exportRegion.clear();
        exportRegion.sendKeys(village);
        new Select(browser.findElement(By.id("export-kind"))).selectByValue("household-income");
        browser.findElement(By.id("export-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text("download-progress").startsWith("已下载"));
        Path file = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> downloaded("household-income"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFF户编码,身份证号,户主姓名,村代码");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(code + ","));
        assertAccessible();
        screenshot("export");

        browser.get(console + "#agreements");
        page("agreements");
        assertAccessible();
        screenshot("agreements");

        // a phone's width: nothing wider than the screen
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(console + "#overview");
        page("overview");
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        screenshot("overview-phone");
    }

    /** Waits until the console has rendered {@code name} (its page element says so, and is no longer busy). */
    private static void page(String name) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            WebElement page = d.findElement(By.id("page"));
            return name.equals(page.getAttribute("data-page")) && page.getAttribute("aria-busy") == null;
        });
        assertThat(browser.findElements(By.cssSelector("#page .problem"))).as("a problem on " + name).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(by).stream().findFirst()
                .orElse(null));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /**
     * Every visible form field has a label, and Deque's axe-core finds nothing against WCAG 2.1 A
     * and AA on the page as it now stands (labels, names, contrast, landmarks, ARIA).
     */
    private static void assertAccessible() {
        Number unlabelled = (Number) ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll("
                + "'input, select, textarea')].filter(e => e.offsetParent !== null && e.labels.length === 0).length");
        assertThat(unlabelled.intValue()).isZero();
        Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        assertThat(axe.getViolations()).as("axe on %s", browser.getCurrentUrl())
                .extracting(rule -> rule.getId() + ": " + rule.getNodes().stream().map(n -> n.getTarget().toString())
                        .toList())
                .isEmpty();
    }

    private static void screenshot(String name) {
        Browser.screenshot(browser, name);
    }

    private static Path downloaded(String prefix) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && !f.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
