package cn.bangfu.market.deployment;

import cn.bangfu.market.support.DevKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static cn.bangfu.market.support.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The init container of k8s/base/deployment.yaml: the packaged service with
 * {@code QUARKUS_INIT_AND_EXIT=true} migrates the schema and exits. Three pods starting at once
 * run it at once against an empty database: all exit 0, and each migration is applied once
 * (Flyway serialises them with PostgreSQL's advisory lock).
 */
class MigrateAndExitIT {

    @Test
    void threeMigrationsAtOnceApplyEachVersionOnceAndExit() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            List<Process> pods = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pods.add(migrateAndExit(postgres.getJdbcUrl("postgres", "postgres")));
            }
            for (Process pod : pods) {
                String output = new String(pod.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(pod.waitFor(120, TimeUnit.SECONDS)).as("exits by itself").isTrue();
                assertThat(pod.exitValue()).as(output).isZero();
                assertThat(output).doesNotContain("Listening on");
            }
            try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement();
                 ResultSet history = sql.executeQuery("""
                         select count(*) as applied, count(distinct version) as versions, bool_and(success) as ok
                         from flyway_schema_history where version is not null""")) {
                history.next();
                assertThat(history.getInt("versions")).isGreaterThanOrEqualTo(15);
                assertThat(history.getInt("applied")).as("each version applied once").isEqualTo(history.getInt("versions"));
                assertThat(history.getBoolean("ok")).isTrue();
            }
        }
    }

    /**
     * A database that is not UTF-8 is refused by name before any migration runs (Flyway's
     * init-sql in application.properties, packaged with the service): SQL_ASCII would
     * migrate and count bytes as characters, EUC_CN would stop at V9 on a dash.
     */
    @Test
    void aDatabaseThatIsNotUtf8IsRefusedBeforeAnyMigration() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
             Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            for (String encoding : List.of("SQL_ASCII", "EUC_CN")) {
                String database = encoding.toLowerCase(Locale.ROOT);
                sql.execute("create database " + database + " encoding '" + encoding
                        + "' template template0 lc_collate 'C' lc_ctype 'C'");
                Process pod = migrateAndExit(postgres.getJdbcUrl("postgres", database));
                String output = new String(pod.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(pod.waitFor(120, TimeUnit.SECONDS)).as("exits by itself").isTrue();
                assertThat(pod.exitValue()).as(output).isNotZero();
                assertThat(output).contains("bangfu-market needs a UTF-8 database: " + database + " is " + encoding);
                try (Connection refused = postgres.getDatabase("postgres", database).getConnection();
                     Statement inRefused = refused.createStatement()) {
                    // nothing at all, or at most an empty history table of Flyway
                    List<String> relations = rows(inRefused, """
                            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'S')""");
                    assertThat(relations).as("relations in " + database).isSubsetOf("flyway_schema_history");
                    if (relations.contains("flyway_schema_history")) {
                        assertThat(rows(inRefused, "select version from flyway_schema_history where version is not null"))
                                .as("migrations applied in " + database).isEmpty();
                    }
                }
            }
        }
    }

    /** The packaged service as the init container runs it: migrate the schema, then exit. */
    private static Process migrateAndExit(String jdbcUrl) throws IOException {
        ProcessBuilder launch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true);
        launch.environment().keySet().removeIf(name -> name.startsWith("MP_JWT") || name.startsWith("DB_"));
        launch.environment().putAll(Map.of(
                "QUARKUS_INIT_AND_EXIT", "true",
                "QUARKUS_FLYWAY_MIGRATE_AT_START", "true",
                "DB_URL", jdbcUrl,
                "DB_USERNAME", "postgres", "DB_PASSWORD", "postgres",
                "MP_JWT_VERIFY_ISSUER", "bangfu-dev",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", DevKeys.PUBLIC_KEY.toString(),
                "PORT", "0"));
        return launch.start();
    }
}
