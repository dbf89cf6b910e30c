package cn.bangfu.market.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the test run's PostgreSQL ({@link EmbeddedPostgres}) out of band, with its own
 * {@code pg_ctl}, as an operator or a failover would: same data directory, same port, same options.
 */
public final class PostgresServer {

    private final Path dataDirectory;
    private final Path pgCtl;
    /** The server's options as it was started (postmaster.opts), shell-quoted, without its data directory. */
    private final String options;

    private PostgresServer(Path dataDirectory, Path pgCtl, String options) {
        this.dataDirectory = dataDirectory;
        this.pgCtl = pgCtl;
        this.options = options;
    }

    /** The server this test JVM started. */
    public static PostgresServer ofThisRun() throws IOException {
        String dir = System.getProperty(EmbeddedPostgres.DATA_DIRECTORY_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("no embedded PostgreSQL was started in this JVM");
        }
        Path data = Path.of(dir);
        // e.g. /tmp/embedded-pg/PG-…/bin/postgres "-D" "/tmp/bangfu-test-pg…" "-p" "41234" "-F" "-c" "fsync=off"
        String opts = Files.readString(data.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
        int firstSpace = opts.indexOf(' ');
        Path postgres = Path.of(opts.substring(0, firstSpace).replace("\"", ""));
        String dataOption = "\"-D\" \"" + data + "\"";
        String rest = opts.substring(firstSpace + 1).replace(dataOption, "").strip();
        return new PostgresServer(data, postgres.resolveSibling("pg_ctl"), rest);
    }

    /** Stops the server at once: open sessions are terminated, as in a crash or a switchover. */
    public void stop() throws IOException, InterruptedException {
        run(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "30", "stop"));
    }

    /** Starts it again with the options it had, and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        run(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-o", options, "-w", "-t", "60",
                "-l", dataDirectory.resolve("restart.log").toString(), "start"));
    }

    private static void run(List<String> pgCommand) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; zonky runs its binaries in a user namespace, and so do we
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(pgCommand);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
