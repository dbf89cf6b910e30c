package cn.bangfu.market.trade;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A product's row locked by a test, as a long transaction (an import, a flash sale's first order)
 * would hold it, so that placings for it wait; released, by rollback, on close.
 */
final class HeldProductRow implements AutoCloseable {

    private final DataSource dataSource;
    private final Connection holder;

    private HeldProductRow(DataSource dataSource, Connection holder) {
        this.dataSource = dataSource;
        this.holder = holder;
    }

    static HeldProductRow hold(DataSource dataSource, long productId) throws SQLException {
        Connection holder = dataSource.getConnection();
        try {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from product where id = ? for update")) {
                lock.setLong(1, productId);
                lock.executeQuery().close();
            }
            return new HeldProductRow(dataSource, holder);
        } catch (SQLException e) {
            holder.close();
            throw e;
        }
    }

    /** Backends running the placing statement that wait for a lock now. */
    int placingsWaiting() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement waiting = c.prepareStatement("select count(*) from pg_stat_activity "
                     + "where wait_event_type = 'Lock' and query like '%requested%'");
             ResultSet rs = waiting.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Until a placing waits for a lock (at most 5 s); how many then wait. */
    int placingsWaitingWithin5s() throws Exception {
        for (int i = 0; i < 100 && placingsWaiting() == 0; i++) {
            Thread.sleep(50);
        }
        return placingsWaiting();
    }

    @Override
    public void close() throws SQLException {
        try {
            holder.rollback();
        } finally {
            holder.close();
        }
    }
}
