package cn.bangfu.market.exports;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.BulkHouseholds;
import cn.bangfu.market.support.EmbeddedPostgres;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.file.Files;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that drops the connection mid-export leaves no open cursor, transaction or borrowed connection. */
@QuarkusTest
class ExportDisconnectTest {

    @Inject
    DataSource dataSource;

    @Inject
    ExportSlots slots;

    @TestHTTPResource("/api/v1/exports/household-income")
    URL exportUrl;

    /** The slots free once all four are, or the deadline has passed (an export ends just after its client left). */
    private int freeSlotsWithin(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (slots.free() < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return slots.free();
    }

    /** The service's sessions that are not idle, for a failure's message. */
    private String busySessions() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select coalesce(string_agg(format('%s %s %s/%s: %s', "
                     + "application_name, state, wait_event_type, wait_event, left(query, 60)), E'\n'), 'none') "
                     + "from pg_stat_activity where pid <> pg_backend_pid() and backend_type = 'client backend' "
                     + "and state <> 'idle'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return e.toString();
        }
    }

    private int exportSessions() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from pg_stat_activity "
                     + "where pid <> pg_backend_pid() and xact_start is not null and application_name = ?")) {
            s.setString(1, ExportService.APPLICATION_NAME);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The export sessions still open once none is, or the deadline has passed. */
    private int exportSessionsWithin(long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        int open = exportSessions();
        while (open > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            open = exportSessions();
        }
        return open;
    }

    /** The service's log once it holds {@code text}, or as it is when the time is up. */
    private static String serviceLogWithin(long millis, String text) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        String log = Files.readString(EmbeddedPostgres.SERVICE_LOG);
        while (!log.contains(text) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            log = Files.readString(EmbeddedPostgres.SERVICE_LOG);
        }
        return log;
    }

    @Test
    void droppedClientReleasesEverything() throws Exception {
        Fixtures.standardRegions();
        String village = Fixtures.newJingningVillage();
        assertThat(BulkHouseholds.insert(dataSource, village, Fixtures.uniqueCode("D"), 60000)).isEqualTo(60000);

        HttpURLConnection http = (HttpURLConnection) new URL(exportUrl + "?year=2026&regionCode=" + village).openConnection();
        http.setRequestProperty("Authorization", "Bearer " + Api.token(Map.of("groups", List.of("bureau"),
                "region_code", Fixtures.JINGNING)));
        InputStream in = http.getInputStream();
        assertThat(http.getResponseCode()).isEqualTo(200);
        byte[] start = in.readNBytes(8192);
        assertThat(start).hasSize(8192);
        // the export is mid-flight: its cursor's transaction is open
        assertThat(exportSessions()).isEqualTo(1);

        http.disconnect(); // the client goes away without reading the rest

        assertThat(exportSessionsWithin(15_000)).as("export sessions still open after the client left").isZero();
        // and the export stopped early rather than running to the end into a closed connection (it says
        // so once its connection is closed: a moment after the session above is gone)
        assertThat(serviceLogWithin(5_000, "stopped after")).contains("stopped after");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from pg_stat_activity "
                     + "where pid <> pg_backend_pid() and state like 'idle in transaction%'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).as("transactions left idle").isZero();
        }
    }

    /**
     * At most four exports stream at once (BANGFU_EXPORTS_MAX, 4 by default): a fifth is refused at
     * once with 429 and Retry-After, and a slot comes back when a client leaves.
     */
    @Test
    void concurrentExportsAreBounded() throws Exception {
        Fixtures.standardRegions();
        String village = Fixtures.newJingningVillage();
        BulkHouseholds.insert(dataSource, village, Fixtures.uniqueCode("S"), 120000);
        assertThat(freeSlotsWithin(20_000)).as("export slots still taken by other tests").isEqualTo(4);
        String token = Api.token(Map.of("groups", List.of("bureau"), "region_code", Fixtures.JINGNING));
        List<HttpURLConnection> streaming = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                HttpURLConnection http = open(village, token);
                assertThat(http.getResponseCode()).isEqualTo(200);
                assertThat(http.getInputStream().readNBytes(8192)).hasSize(8192); // streaming, then left unread
                streaming.add(http);
            }
            HttpURLConnection fifth = open(village, token);
            assertThat(fifth.getResponseCode()).isEqualTo(429);
            assertThat(fifth.getHeaderField("Retry-After")).isNotBlank();
            assertThat(fifth.getContentType()).startsWith("application/problem+json");
            fifth.disconnect();
        } finally {
            streaming.forEach(HttpURLConnection::disconnect);
        }
        // the clients left: their slots come back
        long deadline = System.currentTimeMillis() + 15_000;
        int status;
        do {
            Thread.sleep(200);
            HttpURLConnection again = open(village, token);
            status = again.getResponseCode();
            again.disconnect();
        } while (status == 429 && System.currentTimeMillis() < deadline);
        assertThat(status).isEqualTo(200);
    }

    /**
     * Clients that leave while their export is still being prepared (a cancelled download while the
     * database is busy) give their slots back too, though their connection closed before the export
     * could listen for its end. The region table is held locked meanwhile, so that the preparing
     * (which reads the region) waits until every client has left; the clients leave once all four
     * exports hold their slots (a request whose client is gone before it is dispatched never reaches
     * the export, as happened when they left at once).
     */
    @Test
    void clientsThatLeaveBeforeTheirExportStartsGiveTheirSlotsBack() throws Exception {
        Fixtures.standardRegions();
        String village = Fixtures.newJingningVillage();
        BulkHouseholds.insert(dataSource, village, Fixtures.uniqueCode("L"), 20000);
        String token = Api.token(Map.of("groups", List.of("bureau"), "region_code", Fixtures.JINGNING));
        String request = "GET " + exportUrl.getPath() + "?year=2026&regionCode=" + village + " HTTP/1.1\r\n"
                + "Host: " + exportUrl.getHost() + "\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        // the other tests' exports have ended (their clients left; on a busy machine an export notices
        // late), so that the four requests below take the four slots rather than get a 429
        assertThat(freeSlotsWithin(20_000)).as("export slots still taken by other tests").isEqualTo(4);
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement("lock table region in access exclusive mode")) {
                s.execute();
            }
            List<Socket> clients = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) { // as many as there are slots
                    Socket client = new Socket(exportUrl.getHost(), exportUrl.getPort());
                    clients.add(client);
                    client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                }
                // all four took a slot and are being prepared (waiting for the region), before their end
                // handler; a client that left before its request reached the export would take no slot
                long waitUntil = System.currentTimeMillis() + 15_000;
                while (slots.free() > 0 && System.currentTimeMillis() < waitUntil) {
                    Thread.sleep(50);
                }
                assertThat(slots.free()).as(() -> "free slots with four exports being prepared; sessions:\n"
                        + busySessions()).isZero();
            } finally {
                for (Socket client : clients) {
                    client.close(); // gone without reading a byte
                }
            }
            Thread.sleep(1000); // meanwhile the service sees their connections close
            lock.rollback();
        }
        // every slot comes back: four exports stream at once again
        long deadline = System.currentTimeMillis() + 20_000;
        List<HttpURLConnection> streaming = new java.util.ArrayList<>();
        try {
            while (streaming.size() < 4) {
                HttpURLConnection http = open(village, token);
                int status = http.getResponseCode();
                if (status == 429 && System.currentTimeMillis() < deadline) {
                    http.disconnect(); // an export of a client that left may still be ending
                    Thread.sleep(200);
                    continue;
                }
                assertThat(status).as("export " + (streaming.size() + 1) + " of four after the clients left")
                        .isEqualTo(200);
                assertThat(http.getInputStream().readNBytes(8192)).hasSize(8192);
                streaming.add(http);
            }
        } finally {
            streaming.forEach(HttpURLConnection::disconnect);
        }
    }

    private HttpURLConnection open(String regionCode, String token) throws Exception {
        HttpURLConnection http = (HttpURLConnection) new URL(exportUrl + "?year=2026&regionCode=" + regionCode)
                .openConnection();
        http.setRequestProperty("Authorization", "Bearer " + token);
        return http;
    }
}
