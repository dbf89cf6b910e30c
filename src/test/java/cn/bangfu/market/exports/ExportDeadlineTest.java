package cn.bangfu.market.exports;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.BulkHouseholds;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An export that outlives its deadline is cut off: a client that stops reading cannot hold a slot for ever. */
@QuarkusTest
@TestProfile(ExportDeadlineTest.ShortDeadline.class)
class ExportDeadlineTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bangfu.exports.deadline", "2s");
        }
    }

    private static final int HOUSEHOLDS = 120_000;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/api/v1/exports/household-income")
    URL exportUrl;

    @Test
    void streamPastItsDeadlineIsClosed() throws Exception {
        Fixtures.standardRegions();
        String village = Fixtures.newJingningVillage();
        BulkHouseholds.insert(dataSource, village, Fixtures.uniqueCode("T"), HOUSEHOLDS);
        HttpURLConnection http = (HttpURLConnection) new URL(exportUrl + "?year=2026&regionCode=" + village)
                .openConnection();
        http.setRequestProperty("Authorization", "Bearer " + Api.token(Map.of("groups", List.of("bureau"),
                "region_code", Fixtures.JINGNING)));
        http.setReadTimeout(30_000);
        assertThat(http.getResponseCode()).isEqualTo(200);
        int lines = 0;
        boolean cut = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(http.getInputStream(),
                StandardCharsets.UTF_8))) {
            in.readLine();
            Thread.sleep(4_000); // a client that stops reading, past the 2 s deadline
            while (in.readLine() != null) {
                lines++;
            }
        } catch (IOException closedByTheServer) {
            cut = true;
        }
        assertThat(cut || lines < HOUSEHOLDS).as("the export was cut off (%d rows read)", lines).isTrue();
    }
}
