package cn.bangfu.market.devtoken;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The production build has no token endpoint and carries no private key. */
@QuarkusIntegrationTest
class ProductionArtifactIT {

    @Test
    void devTokenEndpointDoesNotExist() {
        given().contentType("application/json").body("{\"groups\":[\"bureau\"],\"region_code\":\"000000\"}")
                .post("/dev/token").then().statusCode(404);
    }

    @Test
    void noPrivateKeyIsPackaged() throws IOException {
        Path app = Path.of("target/quarkus-app");
        assertThat(app).isDirectory();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.toString();
                if (name.endsWith(".jar")) {
                    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                            if (holdsPrivateKey(entry.getName(), zip)) {
                                offenders.add(name + "!" + entry.getName());
                            }
                        }
                    }
                } else if (holdsPrivateKey(name, Files.newInputStream(file))) {
                    offenders.add(name);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    /** Production trusts no default issuer: without one (and a public key) the service refuses to start. */
    @Test
    void refusesToStartWithoutTokenTrust() throws Exception {
        ProcessBuilder launch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true);
        launch.environment().keySet().removeIf(name -> name.startsWith("MP_JWT") || name.startsWith("DB_"));
        launch.environment().put("PORT", "0");
        Process process = launch.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("mp.jwt.verify.issuer");
    }

    private static boolean holdsPrivateKey(String name, InputStream content) throws IOException {
        if (name.endsWith(".pem") || name.endsWith(".key")) {
            return true;
        }
        if (name.endsWith(".class")) {
            return false;
        }
        String text = new String(content.readNBytes(1 << 20), StandardCharsets.ISO_8859_1);
        return text.contains("PRIVATE KEY-----");
    }
}
