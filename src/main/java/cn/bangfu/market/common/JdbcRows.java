package cn.bangfu.market.common;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The few statements run in plain JDBC where Hibernate's cost was measured to dominate (README,
 * "One way to do each thing"): one statement on a pool connection of its own, autocommit unless a
 * transaction is active, its rows read by column name into a record.
 */
public final class JdbcRows {

    private JdbcRows() {
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Every row the statement answers, in its order. A failure says {@code what} was being done (a
     * constant: nothing is built for it on the way) and keeps the {@link SQLException} as its cause,
     * where ProblemMappers finds it: 503 with {@code Retry-After} when the database is unavailable.
     */
    public static <T> List<T> list(DataSource dataSource, String sql, Parameters parameters, RowReader<T> reader,
                                   String what) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            List<T> rows = new ArrayList<>(1);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not " + what, e);
        }
    }

    /** A {@code timestamptz} column as an instant; null for null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
