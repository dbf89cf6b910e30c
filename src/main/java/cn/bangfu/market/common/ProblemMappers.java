package cn.bangfu.market.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer.
 * Bad input is always a 4xx; only genuine defects become a 500 (and are logged).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ObjectMapper objectMapper;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, HttpServerRequest request) {
        Response response = respond(request, e.status(), e.title(), e.getMessage(), e.violations(), e.errors(),
                e.errorCount());
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        return respond(request, 400, "Constraint Violation", detail, violations);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, HttpServerRequest request) {
        if (e instanceof ConstraintViolationException cve) {
            return constraintViolation(cve, request);
        }
        return respond(request, 400, "Bad Request", e.getMessage(), List.of());
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return apiProblem(problem, request); // a limit hit while Jackson was reading (BodyLimits)
            }
        }
        String field = e instanceof JsonMappingException jme ? pathOf(jme) : "";
        String message;
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            message = "unknown value '" + ife.getValue() + "', expected one of "
                    + Arrays.toString(ife.getTargetType().getEnumConstants());
        } else if (e instanceof StreamConstraintsException sce) {
            message = sce.getOriginalMessage(); // names the limit, never the input
        } else if (e instanceof UnrecognizedPropertyException upe) {
            message = "unknown field '" + upe.getPropertyName() + "'";
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            message = "expected a value of type " + simpleType(mie.getTargetType());
        } else {
            // The parser's own message may quote the offending input (an ID number, say): never echo it.
            var location = e.getLocation();
            message = location == null ? "malformed JSON"
                    : "malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        List<Violation> violations = field.isEmpty() ? List.of() : List.of(new Violation(field, message));
        return respond(request, 400, "Malformed Request", field.isEmpty() ? message : field + ": " + message, violations);
    }

    /** More specific than Quarkus' built-in mapper for the same type, which answers plain JSON. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request, "a valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(request, "the bearer token is missing, expired or invalid");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, 403, "Forbidden", "your role does not allow this action", List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String detail = e.getMessage() != null ? e.getMessage() : type.getReasonPhrase();
        // A JSON body that could not be read is reported by Quarkus as a wrapped Jackson error.
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return json(jpe, request);
        }
        // A typed parameter that could not be converted (TypedParams), wrapped by JAX-RS in a 404.
        if (e.getCause() instanceof ApiProblem problem) {
            return apiProblem(problem, request);
        }
        return respond(request, status, type.getReasonPhrase(), detail, List.of());
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpServerRequest request) {
        return staleVersion(request);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, HttpServerRequest request) {
        return staleVersion(request);
    }

    /** Everything else: look for a database constraint or a business problem in the cause chain. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        for (Throwable t : causesOf(e)) {
            if (t instanceof ApiProblem problem) {
                return apiProblem(problem, request);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return staleVersion(request);
            }
            if (t instanceof SQLException sql) {
                Response mapped = fromSqlException(sql, request);
                if (mapped != null) {
                    return mapped;
                }
            }
        }
        LOG.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return respond(request, 500, "Internal Server Error", "an unexpected error occurred", List.of());
    }

    /**
     * The exception, its causes and what they suppressed, outermost first. A commit that fails
     * (the database went away at that moment) reaches us as a RollbackException whose SQL
     * failure is only a suppressed exception of it, not its cause.
     */
    static List<Throwable> causesOf(Throwable e) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>(List.of(e));
        while (!pending.isEmpty() && found.size() < 64) {
            Throwable t = pending.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            found.add(t);
            if (t.getCause() != null) {
                pending.addFirst(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.addLast(suppressed);
            }
        }
        return found;
    }

    private Response fromSqlException(SQLException sql, HttpServerRequest request) {
        if (DatabaseFailures.isUnavailable(sql)) {
            LOG.warnf("database unavailable on %s %s: %s", request.method(), request.path(), sql.getMessage());
            Response response = respond(request, 503, "Service Unavailable",
                    "the database is unavailable or busy; retry shortly", List.of());
            return Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS).build();
        }
        if (sql.getSQLState() == null) {
            return null;
        }
        return switch (sql.getSQLState()) {
            case "23505" -> respond(request, 409, "Conflict",
                    "a record with the same unique key already exists", List.of());
            case "23503" -> respond(request, 422, "Unprocessable Content",
                    "the request references a record that does not exist or is still referenced", List.of());
            case "23514", "23502", "22001", "22003" -> respond(request, 422, "Unprocessable Content",
                    "the request breaks a data rule: value out of range or missing", List.of());
            // NUL in a text, or a character the database encoding cannot hold
            case "22021", "22P05" -> respond(request, 400, "Bad Request",
                    "the request holds a character that cannot be stored (NUL or a control character)", List.of());
            case "40001", "40P01" -> respond(request, 409, "Conflict",
                    "a concurrent change conflicted with this request; retry it", List.of());
            default -> null;
        };
    }

    private Response staleVersion(HttpServerRequest request) {
        return respond(request, 409, "Conflict",
                "the resource was changed by someone else; reload it and retry", List.of());
    }

    private Response unauthenticated(HttpServerRequest request, String detail) {
        Response response = respond(request, 401, "Unauthorized", detail, List.of());
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response respond(HttpServerRequest request, int status, String title, String detail,
                             List<Violation> violations) {
        return respond(request, status, title, detail, violations, List.of(), null);
    }

    private Response respond(HttpServerRequest request, int status, String title, String detail,
                             List<Violation> violations, List<?> errors, Integer errorCount) {
        if (request != null && ProblemTexts.prefersChinese(request.getHeader("Accept-Language"))) {
            // the same problem in Chinese: status, fields and row errors as they are
            title = ProblemTexts.title(title);
            detail = ProblemTexts.message(detail);
            violations = violations.stream().map(v -> new Violation(v.field(), ProblemTexts.message(v.message())))
                    .toList();
        }
        ProblemDetail body = new ProblemDetail("about:blank", title, status, detail,
                request == null ? null : request.path(), violations, errors, errorCount);
        String json;
        try {
            // A message may quote what the client sent (a cell of a roster, an enum value): never an ID number.
            json = Redaction.maskIdNumbers(objectMapper.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            json = "{\"status\":" + status + ",\"title\":\"" + title + "\"}";
        }
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE).entity(json).build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "create.request.priceFen" -> "priceFen"; "search.size" -> "size"
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String simpleType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }
}
