package cn.bangfu.market.support;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless chromium through chromium-driver (or the binaries BANGFU_CHROMIUM and
 * BANGFU_CHROMEDRIVER name; never a download), at an office screen's 1366×768, in Chinese,
 * downloading into {@code downloads}.
 */
public final class Browser {

    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Browser() {
    }

    public static ChromeDriver start(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("BANGFU_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768",
                "--lang=zh-CN", "--disable-gpu");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("BANGFU_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    public static void screenshot(ChromeDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String executable(String variable, String debian) {
        String path = System.getenv().getOrDefault(variable, debian);
        assertThat(Path.of(path)).as("%s (apt-get install -y chromium chromium-driver fonts-noto-cjk)", path)
                .isExecutable();
        return path;
    }
}
