package cn.bangfu.market.common;

import java.sql.SQLException;

/**
 * Which database failures mean "the database is not there right now" (a 503 with
 * {@code Retry-After}, never a 500): connection-class SQLSTATEs (08xxx), the server
 * shutting down or refusing connections, too many connections, and the pool
 * giving up waiting for a free connection. Framework-free.
 */
public final class DatabaseFailures {

    /** Seconds a client should wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") // connection exception
                    || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") // shutdown, crash, starting
                    || state.equals("53300"); // too many connections
        }
        // Agroal's pool: no SQLSTATE, only this message, when no connection came free in time
        return e.getMessage() != null && e.getMessage().contains("acquisition timeout");
    }
}
