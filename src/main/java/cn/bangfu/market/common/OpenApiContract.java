package cn.bangfu.market.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.validation.constraints.NotBlank;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every operation shares, stated once in the published document rather than on 49 methods: the
 * {@code Problem} body of every 4xx/5xx and which statuses an operation can answer, who may call it
 * (roles described, not passed off as OAuth scopes of a bearer token), and that every property of an
 * answer is always present (Jackson writes nulls; the nullable ones say so with {@code @Schema(nullable = true)}),
 * the length and pattern of every free-text field ({@link SingleLine}, {@link Note}), which the framework
 * cannot read off our own constraints, and that a request property the body may leave out may be null too.
 * Runs at build time, so the document served at {@code /q/openapi} is the one the build stored.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {

    private static final DotName SCHEMA = DotName.createSimple(
            org.eclipse.microprofile.openapi.annotations.media.Schema.class);

    static final String PROBLEM = "Problem";
    static final String SECURITY_SCHEME = "SecurityScheme";

    private static final Map<String, String> STATUS_MEANINGS = new TreeMap<>(Map.of(
            "400", "Malformed JSON, a bad parameter or a broken field rule; `violations` names the fields",
            "401", "No bearer token, or one that is expired, not yet valid or not trusted",
            "403", "The token's role or region does not allow this action",
            "404", "No such resource, or not one the caller may see",
            "409", "A state conflict: a duplicate, a concurrent change, a transition not allowed, stock short",
            "413", "The body is larger than the service accepts",
            "415", "The body is not of a media type the operation accepts",
            "422", "Well-formed, but breaks a business rule (a rejected import lists its row `errors`)",
            "429", "Too many exports at once; retry after `Retry-After` seconds",
            "503", "The database is unavailable or busy; retry after `Retry-After` seconds"));

    /** A public operation needs no token, but one sent must hold (PresentedTokenCheck). */
    private static final String PUBLIC_401 = "A bearer token was sent that is expired, not yet valid or not trusted "
            + "(none is needed)";

    /** A free-text field's rule as the document states it: schema, property, length, pattern. */
    record TextField(String schema, String property, int maxLength, String pattern) {
    }

    private final List<TextField> textFields;
    /** "Schema.property" of each primitive record component: Jackson refuses null for it (JsonConfig). */
    private final Set<String> primitives;

    /** SmallRye OpenAPI hands a build-time filter the application's index through this constructor. */
    public OpenApiContract(IndexView index) {
        this.textFields = textFields(index);
        this.primitives = primitiveComponents(index);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        textFields.forEach(field -> describe(field, openAPI.getComponents().getSchemas()));
        Set<String> requestSchemas = schemasReferencedFromRequests(openAPI);
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() == null || PROBLEM.equals(name)) {
                return;
            }
            if (requestSchemas.contains(name)) {
                optionalMayBeNull(name, schema);
            } else {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        });
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().forEach((method, operation) -> document(path, method, operation)));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        List<String> roles = rolesOf(operation);
        if (roles == null) {
            operation.setSecurity(List.of()); // public: no token, whatever a global requirement says
        }
        StringBuilder description = new StringBuilder(operation.getDescription() == null ? ""
                : operation.getDescription() + "\n\n");
        description.append(roles == null ? "Public: no token needed (one sent must be valid)."
                : "Roles (the token's `groups`): " + String.join(", ", roles) + ".");
        operation.setDescription(description.toString());
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(OpenApiContract::describeParameterLimits);
        }

        Set<String> statuses = new HashSet<>(Set.of("400", "401", "503"));
        if (roles != null) {
            statuses.add("403");
        }
        if (path.contains("{") || hasParameter(operation, "regionCode")) {
            statuses.add("404"); // an id in the path, or a region asked for, that does not exist
        }
        if (method != PathItem.HttpMethod.GET) {
            statuses.addAll(Set.of("409", "422"));
        }
        if (operation.getRequestBody() != null) {
            statuses.addAll(Set.of("413", "415"));
        }
        if (path.startsWith("/api/v1/exports/")) {
            statuses.add("429");
        }
        APIResponses responses = operation.getResponses();
        // Replaces the body-less 400/401/403 SmallRye adds on its own; a failure an operation declares
        // itself keeps its description and gets the Problem body.
        responses.getAPIResponses().forEach((status, declared) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (declared.getContent() == null) {
                    String meaning = statuses.contains(status) ? meaning(status, roles) : declared.getDescription();
                    responses.addAPIResponse(status, problemResponse(meaning));
                }
                statuses.remove(status);
            }
        });
        statuses.stream().sorted().forEach(status ->
                responses.addAPIResponse(status, problemResponse(meaning(status, roles))));
    }

    /**
     * A free-text query parameter as {@link QueryLimits} checks it on every endpoint: its length, no
     * control characters, a region code's shape. Typed ones (numbers, dates, enums) say enough already,
     * but for a year, in the path or the query, which every operation checks against {@link Years} first.
     * And the Idempotency-Key header as {@link IdempotencyKeys} takes it: not blank, 200 characters at most.
     */
    private static void describeParameterLimits(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if ("year".equals(parameter.getName()) && schema != null && schema.getType() != null
                && schema.getType().equals(List.of(SchemaType.INTEGER))) {
            schema.setMinimum(BigDecimal.valueOf(Years.FIRST));
            schema.setMaximum(BigDecimal.valueOf(Years.LAST));
            return;
        }
        if (parameter.getIn() == Parameter.In.HEADER && IdempotencyKeys.HEADER.equals(parameter.getName())
                && schema != null) {
            schema.setMaxLength(IdempotencyKeys.MAX_LENGTH); // and not blank (IdempotencyKeys.require)
            schema.setPattern(TextRules.NOT_BLANK);
            return;
        }
        if (parameter.getIn() != Parameter.In.QUERY || schema == null || schema.getRef() != null
                || schema.getType() == null || !schema.getType().equals(List.of(SchemaType.STRING))
                || schema.getFormat() != null || schema.getEnumeration() != null) {
            return;
        }
        if (schema.getMaxLength() == null) {
            schema.setMaxLength(QueryLimits.MAX_VALUE_CHARS);
        }
        if (schema.getPattern() == null) {
            schema.setPattern(QueryLimits.REGION_CODE_PARAMETERS.contains(parameter.getName())
                    ? QueryLimits.REGION_CODE_QUERY : TextRules.NO_CONTROL_CHARACTERS);
        }
    }

    /** Every {@code @SingleLine} and {@code @Note} field of a request record, with the rule it states. */
    static List<TextField> textFields(IndexView index) {
        List<TextField> fields = new ArrayList<>();
        for (Class<?> rule : List.of(SingleLine.class, Note.class)) {
            for (AnnotationInstance annotation : index.getAnnotations(DotName.createSimple(rule))) {
                // a record component's annotation is on its field, accessor and constructor parameter too
                if (annotation.target().kind() != AnnotationTarget.Kind.FIELD) {
                    continue;
                }
                FieldInfo field = annotation.target().asField();
                String pattern = rule == SingleLine.class ? TextRules.SINGLE_LINE
                        : field.hasAnnotation(NotBlank.class) ? TextRules.NOTE_NOT_BLANK : TextRules.NOTE;
                fields.add(new TextField(schemaName(field.declaringClass()), field.name(),
                        annotation.value("max").asInt(), pattern));
            }
        }
        return fields;
    }

    /** "Schema.property" of every primitive component of a record in the index. */
    static Set<String> primitiveComponents(IndexView index) {
        Set<String> primitives = new HashSet<>();
        for (ClassInfo type : index.getKnownClasses()) {
            if (type.isRecord()) {
                type.unsortedRecordComponents().stream()
                        .filter(component -> component.type().kind() == Type.Kind.PRIMITIVE)
                        .forEach(component -> primitives.add(schemaName(type) + "." + component.name()));
            }
        }
        return primitives;
    }

    /**
     * A request property the body may leave out may also be null: Jackson reads an explicit null into a
     * record component as it reads an absent one, so the service takes both alike (a partial update leaves
     * the field as it is). Said so, a client generated from the document may send null, and a fuzzer
     * that sends null for "a string" is not surprised to see it taken. Not for a primitive component.
     */
    private void optionalMayBeNull(String schemaName, Schema schema) {
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.replaceAll((name, property) -> {
            if (required.contains(name) || primitives.contains(schemaName + "." + name)) {
                return property;
            }
            if (property.getRef() != null) {
                return OASFactory.createSchema().description(property.getDescription())
                        .anyOf(List.of(OASFactory.createSchema().ref(property.getRef()),
                                OASFactory.createSchema().addType(SchemaType.NULL)));
            }
            if (property.getType() != null && !property.getType().contains(SchemaType.NULL)) {
                property.addType(SchemaType.NULL);
            }
            return property;
        });
        schema.setProperties(properties);
    }

    static String schemaName(ClassInfo type) {
        AnnotationInstance schema = type.declaredAnnotation(SCHEMA);
        AnnotationValue name = schema == null ? null : schema.value("name");
        return name == null ? type.simpleName() : name.asString();
    }

    /**
     * States a field's rule on its schema's property. A class the document does not show (a test's own
     * record) is left alone; a shown schema without the field fails the build: the rule would go unpublished.
     */
    private static void describe(TextField field, Map<String, Schema> components) {
        Schema owner = components.get(field.schema());
        if (owner == null) {
            return;
        }
        Schema property = owner.getProperties() == null ? null : owner.getProperties().get(field.property());
        if (property == null) {
            throw new IllegalStateException("no schema property " + field.schema() + "." + field.property()
                    + " for its @SingleLine or @Note rule");
        }
        // the build may filter one model twice (the stored document, then the served one): ours may be there
        if (property.getPattern() != null && !List.of("\\S", field.pattern()).contains(property.getPattern())) {
            throw new IllegalStateException(field.schema() + "." + field.property() + " has a pattern of its own "
                    + "beside its @SingleLine or @Note rule: one of them would go unpublished");
        }
        property.setMaxLength(field.maxLength());
        property.setPattern(field.pattern()); // in place of @NotBlank's \S: the note's pattern says not blank too
    }

    private static String meaning(String status, List<String> roles) {
        return roles == null && "401".equals(status) ? PUBLIC_401 : STATUS_MEANINGS.get(status);
    }

    private static boolean hasParameter(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> name.equals(p.getName()));
    }

    /** The roles an operation requires, or null when it is public; the requirement keeps no scopes. */
    private static List<String> rolesOf(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null || security.isEmpty()) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        for (SecurityRequirement requirement : security) {
            Map<String, List<String>> schemes = new LinkedHashMap<>();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                roles.addAll(scopes);
                schemes.put(scheme, List.of());
            });
            requirement.setSchemes(schemes);
        }
        return roles.isEmpty() ? null : roles.stream().distinct().sorted().toList();
    }

    private static APIResponse problemResponse(String description) {
        Schema ref = OASFactory.createSchema().ref(PROBLEM);
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(ref)));
    }

    /** RFC 9457 problem details as {@link ProblemDetail} writes them (empty lists and nulls left out). */
    private static Schema problemSchema() {
        Map<String, Schema> violationProperties = new LinkedHashMap<>(); // in order: the stored document is stable
        violationProperties.put("field", string("The field or parameter"));
        violationProperties.put("message", string("What is wrong"));
        Schema violation = object(violationProperties).required(List.of("field", "message"));
        Map<String, Schema> rowErrorProperties = new LinkedHashMap<>();
        rowErrorProperties.put("row", integer("The row of the file, 1 for the first data row"));
        rowErrorProperties.put("field", string("The column"));
        rowErrorProperties.put("message", string("What is wrong with the cell"));
        Schema rowError = object(rowErrorProperties).required(List.of("row", "message"));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("Always about:blank"));
        properties.put("title", string("The status's reason phrase"));
        properties.put("status", integer("The HTTP status"));
        properties.put("detail", string("What went wrong, for a person"));
        properties.put("instance", string("The request path"));
        properties.put("violations", OASFactory.createSchema().addType(SchemaType.ARRAY).items(violation)
                .description("Fields or parameters that broke a rule (400, 422)"));
        properties.put("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(rowError)
                .description("The first 200 row errors of a rejected import (422)"));
        properties.put("errorCount", integer("How many row errors a rejected import has in all"));
        return object(properties).required(List.of("type", "title", "status", "detail"))
                .description("RFC 9457 problem details (application/problem+json)");
    }

    private static Schema object(Map<String, Schema> properties) {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).properties(new LinkedHashMap<>(properties));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32").description(description);
    }

    /** Component schemas a request body refers to, directly or through other components. */
    private static Set<String> schemasReferencedFromRequests(OpenAPI openAPI) {
        Set<String> found = new HashSet<>();
        List<Schema> pending = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                contentSchemas(op.getRequestBody().getContent(), pending);
            }
        }));
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        while (!pending.isEmpty()) {
            Schema schema = pending.remove(pending.size() - 1);
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (found.add(name)) {
                    pending.add(components.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            pending.add(schema.getItems());
            for (List<Schema> group : new ArrayList<List<Schema>>(java.util.Arrays.asList(
                    schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()))) {
                if (group != null) {
                    pending.addAll(group);
                }
            }
        }
        return found;
    }

    private static void contentSchemas(Content content, List<Schema> into) {
        if (content.getMediaTypes() != null) {
            for (MediaType mediaType : content.getMediaTypes().values()) {
                into.add(mediaType.getSchema());
            }
        }
    }
}
