package cn.bangfu.market.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Seeding what the API cannot make (a delivery in a past year): one statement straight into the
 * test's PostgreSQL, from @QuarkusTest and @QuarkusIntegrationTest alike.
 */
public final class SeedSql {

    private SeedSql() {
    }

    /** Runs one statement with its parameters; answers the rows it changed. */
    public static int update(String sql, Object... parameters) {
        String url = System.getProperty(EmbeddedPostgres.JDBC_URL_PROPERTY);
        if (url == null) {
            throw new IllegalStateException("the embedded PostgreSQL has not started");
        }
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
