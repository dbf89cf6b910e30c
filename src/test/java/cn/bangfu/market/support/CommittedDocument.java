package cn.bangfu.market.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The published OpenAPI document as committed (src/openapi/openapi.json; OpenApiDocumentTest keeps it live). */
public final class CommittedDocument {

    public static final Path PATH = Path.of("src/openapi/openapi.json");

    private CommittedDocument() {
    }

    public static JsonNode read() {
        try {
            return new ObjectMapper().readTree(PATH.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its component schemas, by name. */
    public static JsonNode schemas() {
        return read().path("components").path("schemas");
    }
}
