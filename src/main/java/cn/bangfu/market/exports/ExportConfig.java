package cn.bangfu.market.exports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** How much of the service exports may take (environment variables {@code BANGFU_EXPORTS_*}). */
@ConfigMapping(prefix = "bangfu.exports")
public interface ExportConfig {

    /** Streams at once per instance ({@code BANGFU_EXPORTS_MAX}); the next request gets 429. */
    @WithDefault("4")
    int max();

    /** Seconds a refused export is told to wait ({@code Retry-After}). */
    @WithDefault("10")
    int retryAfterSeconds();

    /** Longest an export may stream, start to end; then its connection is closed. */
    @WithDefault("30m")
    Duration deadline();

    /** PostgreSQL's {@code statement_timeout} inside an export's transaction. */
    @WithDefault("5m")
    Duration statementTimeout();

    /**
     * PostgreSQL's {@code idle_in_transaction_session_timeout} inside an export's transaction:
     * a client that stops reading cannot keep the cursor's transaction open longer.
     */
    @WithDefault("2m")
    Duration idleInTransactionTimeout();

    /**
     * Deflate level of an XLSX file, 0 (stored) to 9. Measured with {@code src/bench/exports.sh}:
     * level 1 writes a million rows about 1.7 times as fast as the library's default (6), for a
     * file about 40 % larger. Compressing is the writing thread's work, and that thread is what
     * limits an XLSX export.
     */
    @WithDefault("1")
    @Min(0)
    @Max(9)
    int xlsxCompressionLevel();
}
