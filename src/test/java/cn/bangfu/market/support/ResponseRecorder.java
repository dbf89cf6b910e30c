package cn.bangfu.market.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends every HTTP response the tests receive (headers and body) to
 * target/http-responses.log, which src/test/sh/check-no-id-numbers.sh scans
 * for full resident ID numbers after the suite.
 */
public final class ResponseRecorder implements Filter {

    public static final Path LOG = Path.of("target/http-responses.log");

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        StringBuilder entry = new StringBuilder()
                .append(request.getMethod()).append(' ').append(request.getURI()).append(" -> ")
                .append(response.statusCode()).append('\n')
                .append(response.headers().toString()).append('\n');
        byte[] body = response.asByteArray();
        boolean text = response.contentType() == null || response.contentType().contains("json")
                || response.contentType().startsWith("text/");
        entry.append(text ? new String(body, StandardCharsets.UTF_8) : "[" + body.length + " bytes]").append("\n\n");
        synchronized (ResponseRecorder.class) {
            try {
                Files.writeString(LOG, entry, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return response;
    }
}
