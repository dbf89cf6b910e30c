package cn.bangfu.market.common;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * One JSON object per line on the console in production, for the cluster's log collector:
 * time, level, logger, thread, message, the MDC ({@code requestId}, {@code role}) and a
 * stack trace when there is one. Written with Jackson: the quarkus-logging-json extension is
 * not published for this Quarkus version, and JBoss LogManager's own JsonFormatter needs
 * JSON-P on the boot class path, where Quarkus' launcher does not put it. It takes over as
 * the application starts; in Kubernetes the migrations run in their own init container, so
 * the service's log is JSON from its first request on.
 */
@Singleton
public class JsonLogs {

    @ConfigMapping(prefix = "bangfu.log")
    public interface Format {
        /** JSON lines on the console (the prod profile's default; env BANGFU_LOG_JSON). */
        @WithDefault("false")
        boolean json();
    }

    void install(@Observes @Priority(1) StartupEvent start, Format format) {
        if (!format.json()) {
            return;
        }
        JsonLineFormatter json = new JsonLineFormatter();
        for (Handler handler : allHandlers(Logger.getLogger(""))) {
            if (handler instanceof ConsoleHandler console) {
                console.setFormatter(json);
            }
        }
    }

    /** The root's handlers, and those Quarkus wraps (its async and delayed handlers hold the console one). */
    private static List<Handler> allHandlers(Logger root) {
        List<Handler> found = new ArrayList<>();
        Deque<Handler> pending = new ArrayDeque<>(List.of(root.getHandlers()));
        while (!pending.isEmpty()) {
            Handler handler = pending.pop();
            found.add(handler);
            if (handler instanceof ExtHandler ext) {
                pending.addAll(List.of(ext.getHandlers()));
            }
        }
        return found;
    }

    /** A record as one line of JSON. */
    static final class JsonLineFormatter extends ExtFormatter {
        private static final JsonFactory JSON = new JsonFactory();

        @Override
        public String format(ExtLogRecord record) {
            StringWriter line = new StringWriter(256);
            try (JsonGenerator out = JSON.createGenerator(line)) {
                out.writeStartObject();
                out.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
                out.writeStringField("level", record.getLevel().getName());
                out.writeStringField("logger", record.getLoggerName());
                out.writeStringField("thread", record.getThreadName());
                out.writeStringField("message", formatMessage(record));
                for (String key : List.of("requestId", "role")) {
                    String value = record.getMdc(key);
                    if (value != null) {
                        out.writeStringField(key, value);
                    }
                }
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    out.writeStringField("exception", trace.toString());
                }
                out.writeEndObject();
            } catch (IOException e) {
                return "{\"level\":\"ERROR\",\"message\":\"log record could not be written as JSON\"}\n";
            }
            return line.append('\n').toString();
        }
    }
}
