package cn.bangfu.market.exports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.postgresql.jdbc.PgConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A CSV export as PostgreSQL writes it: {@code COPY (query) TO STDOUT WITH (FORMAT csv)} through
 * pgjdbc's CopyManager, its rows relayed to the response as they come, never parsed again. The
 * query formats every cell itself ({@link Column#csvSql()}), and COPY quotes as RFC 4180 does
 * (a field with a comma, a quote or a line break in quotes, quotes doubled). In front: the UTF-8
 * BOM (so Excel opens it correctly) and the header row. COPY ends a row with LF; each one is
 * relayed ending with CRLF as RFC 4180 has it (a row is one CopyData message, so a line break
 * inside a quoted field is never touched).
 */
final class CsvCopy {

    private static final Logger LOG = Logger.getLogger(CsvCopy.class);

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] CRLF = {'\r', '\n'};
    /** Rows between two checks whether the client is still there. */
    private static final int CHECK_EVERY = 1000;

    private CsvCopy() {
    }

    static void header(OutputStream out, List<Column> columns, boolean english) throws IOException {
        StringBuilder line = new StringBuilder(256);
        try (CSVPrinter printer = new CSVPrinter(line, CSVFormat.RFC4180)) {
            printer.printRecord(columns.stream().map(c -> c.header(english)).toList());
        }
        out.write(BOM);
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Ends a COPY that is still sending, by closing the connection's socket (the pool then drops
     * it, and the server ends the COPY and rolls back when it sees its client gone). pgjdbc's cancelCopy would
     * keep the connection, but it leaves what the server still sends unread, which breaks the
     * connection's next statement (pgjdbc issue 3163, fix pending in pull request 4027).
     */
    private static void abandon(Connection connection) {
        try {
            // the physical connection: Agroal's wrapper only lets go of it on abort(), leaving it open
            connection.unwrap(PgConnection.class).abort(Runnable::run);
        } catch (SQLException e) {
            LOG.debugf("closing the connection of an abandoned COPY: %s", e.getMessage());
        }
    }

    /** Relays the rows of {@code select} (SQL with its values inlined); answers how many. */
    static long rows(Connection connection, String select, OutputStream out, ExportService.ClientGone clientGone)
            throws SQLException, IOException {
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("copy (" + select + ") to stdout with (format csv)");
        long rows = 0;
        boolean complete = false;
        try {
            for (byte[] row; (row = copy.readFromCopy()) != null; ) {
                int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
                out.write(row, 0, end);
                out.write(CRLF);
                if (++rows % CHECK_EVERY == 0 && clientGone.now()) {
                    throw new ClientGoneException(rows);
                }
            }
            complete = true;
        } finally {
            if (!complete && copy.isActive()) {
                abandon(connection);
            }
        }
        return rows;
    }
}
