package cn.bangfu.market.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL 17 (zonky embedded binaries) for the whole test run,
 * shared by every {@code @QuarkusTest} and {@code @QuarkusIntegrationTest}.
 */
public class EmbeddedPostgres implements QuarkusTestResourceLifecycleManager {

    /** Where the @QuarkusTest service logs (set by surefire in the pom). */
    public static final Path SERVICE_LOG = Path.of("target/service-test.log").toAbsolutePath();

    /**
     * The system property (of the test JVM) naming the server's data directory, from which
     * {@link PostgresServer} stops and starts the very same server ({@code DatabaseRestartIT}).
     */
    public static final String DATA_DIRECTORY_PROPERTY = "bangfu.test.postgres.data-directory";

    /** The system property (of the test JVM) holding the server's JDBC URL, for {@link SeedSql}. */
    public static final String JDBC_URL_PROPERTY = "bangfu.test.postgres.jdbc-url";

    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            Path dataDirectory = Files.createTempDirectory("bangfu-test-pg");
            System.setProperty(DATA_DIRECTORY_PROPERTY, dataDirectory.toString());
            postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
        Fixtures.emptyDatabaseStarted();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        System.setProperty(JDBC_URL_PROPERTY, url);
        return Map.ofEntries(
                // @QuarkusTest runs the test profile, which reads these directly;
                Map.entry("quarkus.datasource.jdbc.url", url),
                Map.entry("quarkus.datasource.username", "postgres"),
                Map.entry("quarkus.datasource.password", "postgres"),
                // the packaged artifact (@QuarkusIntegrationTest) runs the prod profile,
                // which reads its datasource from these, exactly as in production;
                Map.entry("DB_URL", url),
                Map.entry("DB_USERNAME", "postgres"),
                Map.entry("DB_PASSWORD", "postgres"),
                // and it must trust the development key and issuer the tests sign with.
                Map.entry("mp.jwt.verify.publickey.location", DevKeys.PUBLIC_KEY.toString()),
                Map.entry("mp.jwt.verify.issuer", "bangfu-dev"));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
