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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
        if (text) {
            entry.append(new String(body, StandardCharsets.UTF_8));
        } else if (response.contentType().contains("spreadsheetml")) {
            entry.append(workbookText(body)); // the cells of an XLSX live in its XML parts
        } else {
            entry.append('[').append(body.length).append(" bytes]");
        }
        entry.append("\n\n");
        synchronized (ResponseRecorder.class) {
            try {
                Files.writeString(LOG, entry, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return response;
    }

    /** The XML parts of a workbook, read through the central directory (streamed entries carry data descriptors). */
    private static String workbookText(byte[] xlsx) {
        StringBuilder text = new StringBuilder();
        try {
            Path file = Files.createTempFile("recorded", ".xlsx");
            try {
                Files.write(file, xlsx);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        if (entry.getName().endsWith(".xml")) {
                            text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8))
                                    .append('\n');
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a workbook the tests received cannot be scanned", e);
        }
        return text.toString();
    }
}
