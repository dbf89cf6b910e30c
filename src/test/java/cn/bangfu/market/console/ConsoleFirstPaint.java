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
 * navigation to the overview drawn with its data (the console's {@code bangfu:overview} mark) and
 * to the first contentful paint. Usage: ConsoleFirstPaint consoleUrl token regionCode [runs]
 */
public final class ConsoleFirstPaint {

    private ConsoleFirstPaint() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        ChromeDriver browser = Browser.start(Files.createTempDirectory("console-bench"));
        try {
            browser.get(url); // the sign-in page: sessionStorage of the console's origin
            ((JavascriptExecutor) browser).executeScript("sessionStorage.setItem('bangfu.console.token', arguments[0]);"
                    + "sessionStorage.setItem('bangfu.console.region', arguments[1]);", args[1], args[2]);
            List<Long> overview = new ArrayList<>();
            List<Long> paint = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                browser.navigate().to(url + "?run=" + i + "#overview");
                new WebDriverWait(browser, Duration.ofSeconds(60)).until(d ->
                        "overview".equals(d.findElement(By.id("page")).getAttribute("data-page")));
                Object[] times = ((List<?>) ((JavascriptExecutor) browser).executeScript(
                        "return [performance.getEntriesByName('bangfu:overview')[0].startTime,"
                                + " (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime]"))
                        .toArray();
                long drawn = Math.round(((Number) times[0]).doubleValue());
                long firstPaint = Math.round(((Number) times[1]).doubleValue());
                System.out.printf("run %d%s: overview drawn at %d ms, first contentful paint at %d ms%n", i,
                        i == 0 ? " (cold)" : "", drawn, firstPaint);
                if (i > 0) {
                    overview.add(drawn);
                    paint.add(firstPaint);
                }
            }
            overview.sort(null);
            paint.sort(null);
            System.out.printf("median of %d warm runs: overview drawn at %d ms, first contentful paint at %d ms%n",
                    runs, overview.get(runs / 2), paint.get(runs / 2));
        } finally {
            browser.quit();
        }
    }
}
