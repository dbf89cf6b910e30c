package cn.bangfu.market.common;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.CommittedDocument;
import cn.bangfu.market.support.Fixtures;
import cn.bangfu.market.support.OpenApiValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The published document tells the truth, and the validator every HTTP test runs through
 * ({@link OpenApiValidator}) can fail: it refuses answers and requests that break the document.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String JSON = "application/json";

    /** The service's own JSON mapper (JsonConfig), as a request body is read with it. */
    @Inject
    ObjectMapper serviceMapper;

    @Test
    void theValidatorRejectsWhatBreaksTheDocument() {
        OpenApiValidator validator = OpenApiValidator.forCurrentService();
        // Atlassian's validator let exactly this pass as a GET /links answer on an OpenAPI 3.1 document.
        assertThat(validator.check("GET", "/api/v1/links", null, null, 200, JSON, "{\"items\":\"nope\",\"page\":\"x\"}"))
                .anySatisfy(p -> assertThat(p).contains("items")).anySatisfy(p -> assertThat(p).contains("page"));
        assertThat(validator.check("GET", "/api/v1/products/1", null, null, 200, JSON, "{\"id\":1}"))
                .as("required properties of an answer").isNotEmpty();
        assertThat(validator.check("GET", "/api/v1/products", null, null, 201, JSON, "{}"))
                .as("an undocumented status").singleElement()
                .satisfies(p -> assertThat(p).startsWith("status 201 is not documented"));
        assertThat(validator.check("GET", "/api/v1/products/1", null, null, 404, "application/problem+json",
                "{\"status\":\"404\"}")).as("a problem without title and detail").isNotEmpty();
        assertThat(validator.check("POST", "/api/v1/regions", JSON, "{\"code\":5}", 201, JSON,
                Api.asNationalBureau().get("/api/v1/regions/620000").asString()))
                .as("an accepted request that breaks its schema").anySatisfy(p -> assertThat(p).startsWith("request"));
        for (String name : List.of("\u3000", "王".repeat(101), "静宁\n县")) {
            assertThat(validator.check("POST", "/api/v1/regions", JSON,
                    "{\"code\":\"620000\",\"name\":\"" + name.replace("\n", "\\n") + "\",\"level\":\"PROVINCE\"}",
                    201, JSON, Api.asNationalBureau().get("/api/v1/regions/620000").asString()))
                    .as("a free-text field's length and pattern (@SingleLine)")
                    .anySatisfy(p -> assertThat(p).startsWith("request").contains("name"));
        }
        assertThat(validator.check("GET", "/api/v1/no-such-thing", null, null, 200, JSON, "{}"))
                .as("an undocumented operation").isNotEmpty();
    }

    @Test
    void theValidatorAcceptsTheServicesOwnAnswers() {
        Fixtures.standardRegions();
        OpenApiValidator validator = OpenApiValidator.forCurrentService();
        String region = Api.asNationalBureau().get("/api/v1/regions/620000").then().statusCode(200)
                .extract().asString();
        assertThat(validator.check("GET", "/api/v1/regions/620000", null, null, 200, JSON, region)).isEmpty();
        String problem = Api.asNationalBureau().get("/api/v1/regions/999999").then().statusCode(404)
                .extract().asString();
        assertThat(validator.check("GET", "/api/v1/regions/999999", null, null, 404, "application/problem+json",
                problem)).isEmpty();
    }

    /**
     * The committed document is what the service publishes: linted by src/lint/openapi.sh and the input of the
     * generated client (GeneratedClientTest). After an API change, review the difference and copy the build's
     * target/openapi/openapi.json over it.
     */
    @Test
    void theCommittedDocumentIsTheLiveOne() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode live = json.readTree(Api.anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        JsonNode committed = CommittedDocument.read();
        assertThat(committed).as("src/openapi/openapi.json is not /q/openapi: review the change and copy "
                + "target/openapi/openapi.json over it").isEqualTo(live);
    }

    @Test
    void theDocumentStatesNullabilityCreationProblemsAndRoles() {
        JsonPath doc = JsonPath.from(Api.anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        assertThat(doc.getString("components.schemas.LinkView.properties.validTo.type")).contains("null");
        assertThat(doc.getList("components.schemas.LinkView.required")).contains("id", "validTo");

        Map<String, Object> created = doc.getMap("paths.'/api/v1/cooperatives'.post.responses.'201'");
        assertThat(created).containsKeys("headers", "content");
        assertThat(doc.getMap("paths.'/api/v1/cooperatives'.post.responses")).doesNotContainKey("200")
                .containsKeys("400", "401", "403", "409", "422");
        assertThat(doc.getString("paths.'/api/v1/cooperatives/{id}'.get.responses.'404'.content.'application/problem+json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/Problem");

        assertThat(doc.getList("paths.'/api/v1/cooperatives'.post.security.SecurityScheme.flatten()")).isEmpty();
        assertThat(doc.getString("paths.'/api/v1/cooperatives'.post.description")).contains("bureau");
        assertThat(doc.getList("paths.'/api/v1/products'.get.security")).as("public, whatever the global rule").isEmpty();

        List<String> operationIds = new ArrayList<>();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.values().forEach(item -> item.values().forEach(op -> operationIds.add((String) op.get("operationId"))));
        assertThat(operationIds).doesNotContainNull().doesNotHaveDuplicates();
    }

    /**
     * A JSON Schema pattern matches anywhere in the text (ECMA-262 search), Bean Validation's the whole
     * text: every pattern of ours is anchored, so the document says what the service checks. Even "not
     * blank" (TextRules.NOT_BLANK, not the framework's {@code \S} for {@code @NotBlank}, whose ECMA-262 set
     * of blanks is not Java's).
     */
    @Test
    void everyPatternIsAnchoredAsTheServiceMatchesIt() {
        JsonNode doc = CommittedDocument.read();
        List<String> patterns = doc.findValues("pattern").stream().filter(JsonNode::isTextual)
                .map(JsonNode::asText).toList();
        assertThat(patterns).isNotEmpty().contains("^(?:[0-9]{6}|[0-9]{12})$");
        assertThat(patterns).allSatisfy(p -> assertThat(p).startsWith("^").endsWith("$"));
    }

    /**
     * Every year parameter, in the path or the query, states the years the service keeps; a year outside
     * them is a 400 naming it (HostileInputTest sends 1999 and 2101 to every year in a query; the years in a
     * path here, with bodies that are otherwise fine).
     */
    @Test
    void yearsAreBoundedAsTheDocumentSays() {
        JsonNode doc = CommittedDocument.read();
        List<JsonNode> years = doc.path("paths").findValues("parameters").stream()
                .flatMap(parameters -> java.util.stream.StreamSupport.stream(parameters.spliterator(), false))
                .filter(parameter -> parameter.path("name").asText().equals("year")).toList();
        assertThat(years).hasSizeGreaterThanOrEqualTo(16).allSatisfy(year -> {
            assertThat(year.at("/schema/minimum").asInt()).isEqualTo(Years.FIRST);
            assertThat(year.at("/schema/maximum").asInt()).isEqualTo(Years.LAST);
        });
        Fixtures.standardRegions();
        long household = Fixtures.newHousehold(Fixtures.newVillage(Fixtures.newTownship(Fixtures.JINGNING)));
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "BUDGET_UNIT");
        for (int year : new int[]{Years.FIRST - 1, Years.LAST + 1}) {
            // a region that names nothing answers an empty page, but not for a year out of range
            Api.asNationalBureau().queryParam("regionCode", "629999").queryParam("year", year)
                    .get("/api/v1/reports/cooperatives").then().statusCode(400)
                    .body("violations[0].field", equalTo("year"));
            Api.asNationalBureau().body(Map.of("amountFen", 100)).put("/api/v1/households/" + household
                    + "/other-income/" + year).then().statusCode(400).body("violations[0].field", equalTo("year"));
            Api.asNationalBureau().body(Map.of("perCapitaFen", 700_000)).put("/api/v1/monitoring-lines/"
                    + Fixtures.GANSU + "/" + year).then().statusCode(400).body("violations[0].field", equalTo("year"));
            Api.asBuyer(buyer).body(Map.of("foodBudgetFen", 10_000, "reserveBp", 2000))
                    .put("/api/v1/buyers/" + buyer + "/reserves/" + year).then().statusCode(400)
                    .body("violations[0].field", equalTo("year"));
        }
    }

    /**
     * A request property the document lets a body leave out it also lets be null; the service's own mapper
     * reads each such null into its record (a primitive component would refuse it, and says so by not being
     * nullable). The partial updates, read strictly, say that an unknown field is refused.
     */
    @Test
    void optionalRequestPropertiesMayBeNullAsTheServiceReadsThem() throws Exception {
        Map<String, List<Class<?>>> records = new java.util.HashMap<>();
        for (ClassInfo type : serviceClasses().getKnownClasses()) {
            if (type.isRecord()) {
                records.computeIfAbsent(OpenApiContract.schemaName(type), name -> new ArrayList<>()).add(Class.forName(
                        type.name().toString(), false, Thread.currentThread().getContextClassLoader()));
            }
        }
        JsonNode schemas = CommittedDocument.schemas();
        List<String> checked = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> {
            List<String> required = new ArrayList<>();
            schema.getValue().path("required").forEach(name -> required.add(name.asText()));
            schema.getValue().path("properties").fields().forEachRemaining(property -> {
                if (required.contains(property.getKey()) || !nullable(property.getValue())) {
                    return;
                }
                assertThat(records.get(schema.getKey())).as("one record named " + schema.getKey()).hasSize(1);
                Class<?> record = records.get(schema.getKey()).get(0);
                String body = "{\"" + property.getKey() + "\":null}";
                try {
                    Object withNull = serviceMapper.readerFor(record).readValue(body);
                    assertThat(withNull).as(schema.getKey() + " " + body)
                            .isEqualTo(serviceMapper.readerFor(record).readValue("{}"));
                } catch (IOException e) {
                    throw new AssertionError(schema.getKey() + " refuses " + body, e);
                }
                checked.add(schema.getKey() + "." + property.getKey());
            });
        });
        assertThat(checked).hasSizeGreaterThan(40).contains("ProductRequest.brand", "LinkRequest.validTo",
                "PlaceOrderRequest.agreementId", "ProductPatch.category");
        assertThat(schemas.at("/ProductPatch/additionalProperties").asBoolean(true)).isFalse();
        assertThat(schemas.at("/HouseholdPatch/additionalProperties").asBoolean(true)).isFalse();
    }

    private static boolean nullable(JsonNode property) {
        if (property.path("type").isArray()) {
            for (JsonNode type : property.path("type")) {
                if (type.asText().equals("null")) {
                    return true;
                }
            }
        }
        for (JsonNode choice : property.path("anyOf")) {
            if (choice.path("type").asText().equals("null")) {
                return true;
            }
        }
        return false;
    }

    /** The service's own classes, as the build's index holds them. */
    private static IndexView serviceClasses() throws IOException {
        Indexer indexer = new Indexer();
        try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        return indexer.complete();
    }

    /** Every @SingleLine and @Note field of the service's own classes has its rule in the document. */
    @Test
    void everyFreeTextFieldStatesItsRule() throws IOException {
        List<OpenApiContract.TextField> fields = OpenApiContract.textFields(serviceClasses());
        assertThat(fields).hasSizeGreaterThanOrEqualTo(18);
        JsonNode schemas = CommittedDocument.schemas();
        assertThat(fields).allSatisfy(field -> {
            JsonNode property = schemas.path(field.schema()).path("properties").path(field.property());
            assertThat(property.path("maxLength").asInt()).as(field.toString()).isEqualTo(field.maxLength());
            assertThat(property.path("pattern").asText()).as(field.toString()).isEqualTo(field.pattern());
        });
    }

    /**
     * Free-text query parameters carry QueryLimits' own length and patterns, free-text fields those of
     * {@code @SingleLine} and {@code @Note} (OpenApiContract).
     */
    @Test
    void queryParametersSayWhatQueryLimitsChecks() {
        JsonNode doc = CommittedDocument.read();
        JsonNode search = doc.at("/paths/~1api~1v1~1products/get/parameters");
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        search.forEach(parameter -> byName.put(parameter.path("name").asText(), parameter.path("schema")));
        assertThat(byName.get("regionCode").path("pattern").asText()).isEqualTo(QueryLimits.REGION_CODE_QUERY);
        assertThat(byName.get("regionCode").path("maxLength").asInt()).isEqualTo(QueryLimits.MAX_VALUE_CHARS);
        assertThat(byName.get("q").path("pattern").asText()).isEqualTo(TextRules.NO_CONTROL_CHARACTERS);
        assertThat(byName.get("page").has("pattern")).as("typed: its type says enough").isFalse();
        assertThat(byName.get("category").has("maxLength")).isFalse();
        JsonNode cooperativeName = doc.at("/components/schemas/CooperativeRequest/properties/name");
        assertThat(cooperativeName.path("maxLength").asInt()).isEqualTo(200);
        assertThat(cooperativeName.path("pattern").asText()).isEqualTo(TextRules.SINGLE_LINE);
        assertThat(doc.at("/components/schemas/ReversalRequest/properties/reason/pattern").asText())
                .isEqualTo(TextRules.NOTE_NOT_BLANK);
        assertThat(doc.at("/components/schemas/StatusRequest/properties/note/pattern").asText())
                .isEqualTo(TextRules.NOTE);
        JsonNode key = doc.at("/paths/~1api~1v1~1orders/post/parameters/0");
        assertThat(key.path("name").asText()).isEqualTo(IdempotencyKeys.HEADER);
        assertThat(key.at("/schema/maxLength").asInt()).isEqualTo(IdempotencyKeys.MAX_LENGTH);
    }
}
