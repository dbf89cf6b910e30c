package cn.bangfu.market.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Many households in one statement, straight into the database: exports large enough to stream for a while. */
public final class BulkHouseholds {

    private BulkHouseholds() {
    }

    /** Inserts {@code count} households into {@code village}, with codes {@code prefix000001…}; answers the rows inserted. */
    public static int insert(DataSource dataSource, String village, String prefix, int count) throws SQLException {
        try (Connection c = dataSource.getConnection();
             // each with its registration, the first entry of its history, as the service writes it
             PreparedStatement s = c.prepareStatement("with h as (insert into household (id, code, head_name, "
                     + "id_number, village_code, members, category) select nextval('household_seq'), "
                     + "? || lpad(g::text, 6, '0'), '批量户' || g, '620826198001010016', ?, 3, 'ORDINARY' "
                     + "from generate_series(1, ?) g returning id, members, category) "
                     + "insert into household_change (id, household_id, effective_from, members, category, "
                     + "recorded_by, recorded_at) select nextval('household_change_seq'), id, null, members, "
                     + "category, 'test', now() from h")) {
            s.setString(1, prefix);
            s.setString(2, village);
            s.setInt(3, count);
            return s.executeUpdate();
        }
    }
}
