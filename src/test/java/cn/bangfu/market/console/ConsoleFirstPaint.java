package cn.bangfu.market.console;

import cn.bangfu.market.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * src/bench/console.sh's probe (not a test): opens the console's 总览 on a running service with
 * a given bureau token, first in a fresh browser and then warm, and prints the milliseconds from
 * navigation to the overview's figures drawn ({@code bangfu:overview-figures}) and to the whole
 * overview drawn with its data ({@code bangfu:overview}). Usage: ConsoleFirstPaint consoleUrl token regionCode [runs]
 */
public final class ConsoleFirstPaint {

    private ConsoleFirstPaint() {
    }

    /** Where the first paint's time went: each resource the page fetched, when it started and how long it took. */
    private static void printResources(ChromeDriver browser) {
        List<?> entries = (List<?>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => [e.name, e.startTime, e.duration])");
        for (Object entry : entries) {
            List<?> e = (List<?>) entry;
            System.out.printf("    %6d ms +%5d ms  %s%n", Math.round(((Number) e.get(1)).doubleValue()),
                    Math.round(((Number) e.get(2)).doubleValue()), e.get(0));
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        ChromeDriver browser = Browser.start(Files.createTempDirectory("console-bench"));
        try {
            browser.get(url); // the sign-in page: sessionStorage of the console's origin
            ((JavascriptExecutor) browser).executeScript("sessionStorage.setItem('bangfu.console.token', arguments[0]);"
                    + "sessionStorage.setItem('bangfu.console.region', arguments[1]);", args[1], args[2]);
            List<Long> wholeAt = new ArrayList<>();
            List<Long> figuresAt = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                browser.navigate().to(url + "?run=" + i + "#overview");
                new WebDriverWait(browser, Duration.ofSeconds(60)).until(d ->
                        "overview".equals(d.findElement(By.id("page")).getAttribute("data-page")));
                Object[] times = ((List<?>) ((JavascriptExecutor) browser).executeScript(
                        "return [performance.getEntriesByName('bangfu:overview-figures')[0].startTime,"
                                + " performance.getEntriesByName('bangfu:overview')[0].startTime]")).toArray();
                long figures = Math.round(((Number) times[0]).doubleValue());
                long drawn = Math.round(((Number) times[1]).doubleValue());
                System.out.printf("run %d%s: figures drawn at %d ms, the whole overview at %d ms%n", i,
                        i == 0 ? " (cold)" : "", figures, drawn);
                if (i == 0 || System.getenv("CONSOLE_RESOURCES") != null) {
                    printResources(browser);
                }
                if (i > 0) {
                    figuresAt.add(figures);
                    wholeAt.add(drawn);
                }
            }
            wholeAt.sort(null);
            figuresAt.sort(null);
            System.out.printf("median of %d warm runs: figures drawn at %d ms, the whole overview at %d ms%n",
                    runs, figuresAt.get(runs / 2), wholeAt.get(runs / 2));
        } finally {
            browser.quit();
        }
    }
}
