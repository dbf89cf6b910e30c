package cn.bangfu.market.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every request a test sends and every answer it gets against the service's own OpenAPI 3.1
 * document, read once from the live {@code /q/openapi}, with a JSON Schema 2020-12 validator:
 * <ul>
 *   <li>every answer's status is documented for its operation (an unknown path or method answers a
 *       documented {@code Problem}), its media type is one the operation declares, and a JSON body matches
 *       the declared schema;</li>
 *   <li>a JSON request body the service accepted (2xx) matches the operation's request schema. Requests the
 *       service refused are not checked: the tests send broken ones on purpose.</li>
 * </ul>
 * A mismatch fails the test at the request that caused it ({@link OpenApiMismatch}).
 */
public final class OpenApiValidator {

    private static final String DOCUMENT_IRI = "https://bangfu-market.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, OpenApiValidator> BY_SERVICE = new ConcurrentHashMap<>();

    private final JsonNode document;
    private final List<PathTemplate> paths;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** A mismatch between the service and its published document. */
    public static final class OpenApiMismatch extends AssertionError {
        OpenApiMismatch(String message) {
            super(message);
        }
    }

    record PathTemplate(String template, Pattern pattern, int variables) {
        static PathTemplate of(String template) {
            String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            return new PathTemplate(template, Pattern.compile(regex), template.split("\\{", -1).length - 1);
        }
    }

    public OpenApiValidator(String documentJson) {
        try {
            this.document = JSON.readTree(documentJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PathTemplate> templates = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(p -> templates.add(PathTemplate.of(p)));
        // literal segments win over variables: /households/at-risk before /households/{id}
        templates.sort(Comparator.comparingInt(PathTemplate::variables));
        this.paths = List.copyOf(templates);
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, documentJson))));
    }

    /** The validator for the service RestAssured currently points at, its document read once. */
    public static OpenApiValidator forCurrentService() {
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        return BY_SERVICE.computeIfAbsent(base, b -> new OpenApiValidator(fetch(URI.create(b + "/q/openapi?format=json"))));
    }

    /** Registered for every test in {@link Api}; delegates to the validator of the service under test, for requests to it. */
    public static Filter live() {
        return (request, responseSpec, ctx) -> {
            Response response = ctx.next(request, responseSpec);
            String service = RestAssured.baseURI + ":" + RestAssured.port;
            // only the service under test answers to its document (not KeycloakIT's identity provider)
            if (request.getURI().startsWith(service + "/") && !request.getURI().contains("/q/")) {
                forCurrentService().check(request, response);
            }
            return response;
        };
    }

    void check(FilterableRequestSpecification request, Response response) {
        URI uri = URI.create(request.getURI());
        String body = request.getBody() instanceof String s ? s : request.getBody() instanceof byte[] b
                ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : null;
        List<String> problems = check(request.getMethod(), uri.getRawPath(), request.getContentType(), body,
                response.statusCode(), response.contentType(), response.asString());
        if (!problems.isEmpty()) {
            throw new OpenApiMismatch(request.getMethod() + " " + uri.getRawPath() + " -> " + response.statusCode()
                    + " does not match /q/openapi:\n  " + String.join("\n  ", problems));
        }
    }

    /** Every way a request and its answer differ from the document; empty when they match. */
    public List<String> check(String method, String path, String requestType, String requestBody, int status,
                              String responseType, String responseBody) {
        List<String> problems = new ArrayList<>();
        Optional<String> template = paths.stream().filter(t -> t.pattern().matcher(path).matches())
                .map(PathTemplate::template).findFirst();
        String operationPointer = template.map(t -> "/paths/" + escape(t) + "/" + method.toLowerCase(Locale.ROOT))
                .orElse(null);
        JsonNode operation = operationPointer == null ? null : document.at(operationPointer);
        if (operation == null || operation.isMissingNode()) {
            // Not an operation of the API: the answer must still be a documented problem.
            if (status < 400) {
                problems.add("no operation " + method + " " + path + " is documented, yet it answered " + status);
            } else {
                validate("/components/schemas/Problem", responseBody, problems, "problem");
            }
            return problems;
        }
        if (status >= 200 && status < 300 && requestBody != null && isJson(requestType)) {
            String pointer = mediaPointer(operation.path("requestBody"), operationPointer + "/requestBody/content",
                    requestType);
            if (pointer == null) {
                problems.add("request media type " + requestType + " is not documented");
            } else {
                validate(pointer + "/schema", requestBody, problems, "request");
            }
        }
        String statusKey = operation.path("responses").has(Integer.toString(status)) ? Integer.toString(status)
                : operation.path("responses").has("default") ? "default" : null;
        if (statusKey == null) {
            problems.add("status " + status + " is not documented; documented: " + fieldNames(operation.path("responses")));
            return problems;
        }
        String responsePointer = operationPointer + "/responses/" + statusKey;
        boolean hasBody = responseBody != null && !responseBody.isEmpty();
        if (!hasBody) {
            return problems;
        }
        if (!document.at(responsePointer).has("content")) {
            problems.add("answered a body but " + statusKey + " documents none");
            return problems;
        }
        String pointer = mediaPointer(document.at(responsePointer), responsePointer + "/content", responseType);
        if (pointer == null) {
            problems.add("media type " + responseType + " is not documented for " + statusKey + "; documented: "
                    + fieldNames(document.at(responsePointer + "/content")));
        } else if (isJson(responseType) && document.at(pointer).has("schema")) {
            validate(pointer + "/schema", responseBody, problems, "answer");
        }
        return problems;
    }

    private void validate(String schemaPointer, String json, List<String> problems, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            problems.add(what + " is not JSON");
            return;
        }
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer,
                p -> factory.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p), config));
        Set<ValidationMessage> messages = schema.validate(node);
        messages.forEach(m -> problems.add(what + ": " + m.getMessage()));
    }

    /** The content entry whose media type matches, e.g. text/csv for "text/csv; charset=UTF-8". */
    private static String mediaPointer(JsonNode holder, String contentPointer, String mediaType) {
        JsonNode content = holder.has("content") ? holder.path("content") : holder;
        String base = mediaType == null ? "" : mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String declared = it.next();
            String declaredBase = declared.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (declaredBase.equals(base) || declaredBase.equals("*/*")) {
                return contentPointer + "/" + escape(declared);
            }
        }
        return null;
    }

    private static boolean isJson(String mediaType) {
        return mediaType != null && mediaType.toLowerCase(Locale.ROOT).contains("json");
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String fetch(URI uri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
