package cn.bangfu.market.deployment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every absolute path the console loads or calls is published by the Ingress: the browser tests
 * reach the jar directly, so a path the Ingress does not route (ECharts under /_static) broke the
 * overview only in production.
 */
class IngressRoutesTest {

    private static final Path CONSOLE = Path.of("src/main/resources/META-INF/resources/console");

    @Test
    void theConsolesPathsAreRouted() throws IOException {
        List<String> prefixes = matches(Files.readString(Path.of("k8s/base/ingress.yaml")),
                "-\\s+path:\\s+(/\\S*)");
        assertThat(prefixes).contains("/api", "/console");
        List<String> paths = new ArrayList<>(matches(Files.readString(CONSOLE.resolve("index.html")),
                "(?:src|href)=\"(/[^\"]*)\""));
        matches(Files.readString(CONSOLE.resolve("console.js")), "fetch\\('(/[^']*)'").stream()
                .filter(path -> !path.startsWith("/dev/")) // the dev profile's token endpoint, never published
                .forEach(paths::add);
        assertThat(paths).as("the console's absolute paths").contains("/api/v1", "/_static/echarts/5.6.0/dist/echarts.min.js");
        for (String path : paths) {
            assertThat(prefixes).as(path + " is routed by the Ingress").anyMatch(prefix -> path.equals(prefix)
                    || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
        }
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
