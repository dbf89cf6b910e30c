package cn.bangfu.market.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** A log record is one line of valid JSON, whatever its message holds. */
class JsonLogsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void recordWithQuotesNewlinesChineseMdcAndExceptionIsOneJsonLine() throws Exception {
        MDC.put("requestId", "r-1");
        MDC.put("role", "bureau");
        try {
            ExtLogRecord record = new ExtLogRecord(Level.WARNING, "导出 \"静宁县\" stopped:\n%s", ExtLogRecord.FormatStyle.PRINTF,
                    JsonLogsTest.class.getName());
            record.setParameters(new Object[] {"a\\tb"});
            record.setLoggerName("cn.bangfu.market.exports");
            record.setThrown(new IllegalStateException("boom"));

            String line = new JsonLogs.JsonLineFormatter().format(record);

            assertThat(line).endsWith("\n");
            assertThat(line.strip()).doesNotContain("\n");
            JsonNode parsed = json.readTree(line);
            assertThat(parsed.get("level").asText()).isEqualTo("WARNING");
            assertThat(parsed.get("logger").asText()).isEqualTo("cn.bangfu.market.exports");
            assertThat(parsed.get("message").asText()).isEqualTo("导出 \"静宁县\" stopped:\na\\tb");
            assertThat(parsed.get("requestId").asText()).isEqualTo("r-1");
            assertThat(parsed.get("role").asText()).isEqualTo("bureau");
            assertThat(parsed.get("exception").asText()).startsWith("java.lang.IllegalStateException: boom");
            assertThat(parsed.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        } finally {
            MDC.remove("requestId");
            MDC.remove("role");
        }
    }

    @Test
    void recordOutsideARequestHasNoRequestFields() throws Exception {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "started", JsonLogsTest.class.getName());
        record.setLoggerName("io.quarkus");
        JsonNode parsed = json.readTree(new JsonLogs.JsonLineFormatter().format(record));
        assertThat(parsed.has("requestId")).isFalse();
        assertThat(parsed.has("exception")).isFalse();
        assertThat(parsed.get("message").asText()).isEqualTo("started");
    }
}
