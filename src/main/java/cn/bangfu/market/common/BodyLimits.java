package cn.bangfu.market.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.List;

/**
 * JSON bodies are at most {@value #MAX_JSON_BYTES} bytes and uploads (CSV, XLSX, forms)
 * {@value #MAX_UPLOAD_BYTES}: 413 problems beyond. A declared length is refused before
 * the body is read; a chunked JSON body is counted while Jackson reads it, a chunked
 * upload when the import receives it. {@code quarkus.http.limits.max-body-size} (11 MB)
 * is the HTTP server's own hard stop above both, for chunked bodies that never end.
 */
@Provider
public class BodyLimits implements ReaderInterceptor {

    /** api.md "Limits": JSON bodies ≤ 1 MB. */
    public static final int MAX_JSON_BYTES = 1024 * 1024;
    /** api.md "Limits": uploads ≤ 10 MB. */
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    @Inject
    ObjectMapper mapper;

    /**
     * Runs before the HTTP server's own body-size check (route order -2, which answers a bare
     * 413): a declared length beyond the limit is answered with a 413 problem at once, and the
     * connection closed, before a byte of the body is read.
     */
    void declaredLength(@Observes Router router) {
        router.route().order(-3).handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext routing) {
        String length = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            boolean json = declaresJson(routing.request().getHeader(HttpHeaders.CONTENT_TYPE));
            if (declaredBytes(length) > (json ? MAX_JSON_BYTES : MAX_UPLOAD_BYTES)) {
                ApiProblem problem = json ? tooLarge() : uploadTooLarge();
                boolean chinese = ProblemTexts.prefersChinese(routing.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
                String body;
                try {
                    body = mapper.writeValueAsString(new ProblemDetail("about:blank",
                            chinese ? ProblemTexts.title(problem.title()) : problem.title(), 413,
                            problem.detail().in(chinese), routing.request().path(), List.of(), List.of(), null));
                } catch (JsonProcessingException impossible) {
                    body = "{\"status\":413}";
                }
                // the path is the client's own, but may hold anything shaped like an ID number
                routing.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(Redaction.maskIdNumbers(body));
                return;
            }
        }
        routing.next();
    }

    /** Whether a Content-Type header names JSON; one that is no media type counts as an upload. */
    private static boolean declaresJson(String header) {
        if (header == null) {
            return false;
        }
        try {
            return isJson(MediaType.valueOf(header));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            context.setInputStream(new LimitedInputStream(context.getInputStream(), 0, MAX_JSON_BYTES,
                    BodyLimits::tooLarge));
        }
        return context.proceed();
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private static long declaredBytes(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // not a length: the server refuses it anyway
        }
    }

    public static ApiProblem uploadTooLarge() {
        return new ApiProblem(413, "Content Too Large", Text.of(
                "an upload may hold at most " + MAX_UPLOAD_BYTES + " bytes (10 MB)",
                "上传的文件最多 " + MAX_UPLOAD_BYTES + " 字节（10 MB）"));
    }

    static ApiProblem tooLarge() {
        return new ApiProblem(413, "Content Too Large", Text.of(
                "a JSON body may hold at most " + MAX_JSON_BYTES + " bytes (1 MB)",
                "JSON 请求体最多 " + MAX_JSON_BYTES + " 字节（1 MB）"));
    }
}
