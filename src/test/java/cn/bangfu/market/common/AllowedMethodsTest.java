package cn.bangfu.market.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class AllowedMethodsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AllowedMethods of(String paths) throws IOException {
        return AllowedMethods.of(JSON.readTree("{\"paths\": " + paths + "}"));
    }

    @Test
    void theMostLiteralTemplateWinsAsInJaxRsMatching() throws IOException {
        AllowedMethods methods = of("""
                {"/api/v1/households/{id}": {"get": {}, "patch": {}, "parameters": []},
                 "/api/v1/households/at-risk": {"get": {}},
                 "/api/v1/households": {"post": {}, "get": {}}}""");
        assertThat(methods.allow("/api/v1/households/at-risk")).contains("GET, HEAD, OPTIONS");
        assertThat(methods.allow("/api/v1/households/12")).contains("GET, PATCH, HEAD, OPTIONS");
        assertThat(methods.allow("/api/v1/households")).contains("POST, GET, HEAD, OPTIONS");
        assertThat(methods.allow("/api/v1/households/")).contains("POST, GET, HEAD, OPTIONS");
    }

    @Test
    void aParameterIsOneSegmentAndTemplateTextIsLiteral() throws IOException {
        AllowedMethods methods = of("""
                {"/api/v1/orders/{id}/lines/{lineId}/return": {"post": {}},
                 "/a.b/{x}": {"delete": {}}}""");
        assertThat(methods.allow("/api/v1/orders/1/lines/2/return")).contains("POST, OPTIONS");
        assertThat(methods.allow("/api/v1/orders/1/lines/2/3/return")).isEmpty();
        assertThat(methods.allow("/aXb/1")).isEmpty(); // the dot is no wildcard
        assertThat(methods.allow("/a.b/1")).contains("DELETE, OPTIONS");
        assertThat(of("{}").allow("/anything")).isEmpty();
        assertThat(AllowedMethods.of(JSON.createObjectNode()).allow("/")).isEmpty();
    }

    @Test
    void thePackagedDocumentIsTheOneReadAtRunTime() throws IOException {
        try (InputStream document = getClass().getClassLoader().getResourceAsStream(AllowedMethods.RESOURCE)) {
            assertThat(document).as(AllowedMethods.RESOURCE + " on the class path").isNotNull();
            JsonNode read = JSON.readTree(document);
            assertThat(AllowedMethods.of(read).allow("/api/v1/regions/620000")).contains("GET, HEAD, OPTIONS");
        }
    }
}
