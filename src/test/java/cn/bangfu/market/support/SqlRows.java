package cn.bangfu.market.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a query answers, read straight from the database in tests that check a schema or its data. */
public final class SqlRows {

    private SqlRows() {
    }

    /** The first column of every row the query answers, as text, in its order. */
    public static List<String> rows(Statement statement, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
