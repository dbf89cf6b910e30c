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

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer.
 * Bad input is always a 4xx; only genuine defects become a 500 (and are logged).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int ECHOED_CHARACTERS = 64;

    @Inject
    ObjectMapper objectMapper;
    private volatile AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, HttpServerRequest request) {
        Response response = respond(request, e.status(), e.title(), e.detail(), e.violations(), e);
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> Violation.ofConstraint(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(request, 400, "Constraint Violation", Violation.describe(violations), violations);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, HttpServerRequest request) {
        if (e instanceof ConstraintViolationException cve) {
            return constraintViolation(cve, request);
        }
        Text detail = e.getMessage() == null ? Text.of("the request is invalid", "请求无效")
                : ProblemTexts.constraint(e.getMessage());
        return respond(request, 400, "Bad Request", detail, List.of());
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return apiProblem(problem, request); // a limit hit while Jackson was reading (BodyLimits)
            }
        }
        String field = e instanceof JsonMappingException jme ? pathOf(jme) : "";
        Text message;
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            String values = Arrays.toString(ife.getTargetType().getEnumConstants());
            String value = echoed(ife.getValue());
            message = Text.of("unknown value '" + value + "', expected one of " + values,
                    "未知的值“" + value + "”，应为以下之一：" + values);
        } else if (e instanceof StreamConstraintsException sce) {
            // names the limit, never the input
            message = Text.of(sce.getOriginalMessage(), "JSON 超出长度或嵌套限制（" + sce.getOriginalMessage() + "）");
        } else if (e instanceof UnrecognizedPropertyException upe) {
            String name = echoed(upe.getPropertyName());
            message = Text.of("unknown field '" + name + "'", "未知字段“" + name + "”");
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            String type = simpleType(mie.getTargetType());
            message = Text.of("expected a value of type " + type, "应为 " + type + " 类型的值");
        } else {
            // The parser's own message may quote the offending input (an ID number, say): never echo it.
            var location = e.getLocation();
            message = location == null ? Text.of("malformed JSON", "JSON 格式错误")
                    : Text.of("malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr(),
                    "JSON 格式错误，位于第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列");
        }
        if (field.isEmpty()) {
            return respond(request, 400, "Malformed Request", message, List.of());
        }
        List<Violation> violations = List.of(new Violation(field, message));
        return respond(request, 400, "Malformed Request", Violation.describe(violations), violations);
    }

    /** More specific than Quarkus' built-in mapper for the same type, which answers plain JSON. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request, Text.of("a valid bearer token is required", "需要有效的 Bearer 令牌"));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(request, Text.of("the bearer token is missing, expired or invalid",
                "Bearer 令牌缺失、已过期或无效"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, 403, "Forbidden",
                Text.of("your role does not allow this action", "你的角色无权进行此操作"), List.of());
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
        // the framework's own message ("HTTP 405 Method Not Allowed"): in Chinese, the status named
        Response problem = respond(request, status, type.getReasonPhrase(),
                Text.of(detail, ProblemTexts.title(type.getReasonPhrase()) + "（HTTP " + status + "）"), List.of());
        if (status != 405 || request == null) {
            return problem;
        }
        // a 405 says which methods the resource takes (RFC 9110 §15.5.6); the framework's names none
        return allowedMethods().allow(request.path())
                .map(allow -> Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build())
                .orElse(problem);
    }

    /** Read from the packaged OpenAPI document on the first 405, then kept. */
    private AllowedMethods allowedMethods() {
        AllowedMethods methods = allowedMethods;
        if (methods == null) {
            try (InputStream document = ProblemMappers.class.getClassLoader()
                    .getResourceAsStream(AllowedMethods.RESOURCE)) {
                methods = AllowedMethods.of(document == null ? objectMapper.createObjectNode()
                        : objectMapper.readTree(document));
            } catch (IOException unreadable) {
                LOG.warn("the packaged OpenAPI document is unreadable: 405s go without Allow", unreadable);
                methods = AllowedMethods.of(objectMapper.createObjectNode());
            }
            allowedMethods = methods;
        }
        return methods;
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
        return respond(request, 500, "Internal Server Error",
                Text.of("an unexpected error occurred", "发生了意外错误"), List.of());
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
                    Text.of("the database is unavailable or busy; retry shortly", "数据库暂不可用或繁忙，请稍后重试"),
                    List.of());
            return Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS).build();
        }
        if (sql.getSQLState() == null) {
            return null;
        }
        return switch (sql.getSQLState()) {
            case "23505" -> respond(request, 409, "Conflict",
                    Text.of("a record with the same unique key already exists", "已有相同的记录"), List.of());
            case "23503" -> respond(request, 422, "Unprocessable Content",
                    Text.of("the request references a record that does not exist or is still referenced",
                            "请求引用的记录不存在，或该记录仍被引用"), List.of());
            case "23514", "23502", "22001", "22003", "22008" -> respond(request, 422, "Unprocessable Content",
                    Text.of("the request breaks a data rule: value out of range or missing",
                            "请求不符合数据规则：值超出范围或缺失"), List.of());
            // NUL in a text, or a character the database encoding cannot hold
            case "22021", "22P05" -> respond(request, 400, "Bad Request",
                    Text.of("the request holds a character that cannot be stored (NUL or a control character)",
                            "请求含有无法保存的字符（NUL 或控制字符）"), List.of());
            case "40001", "40P01" -> respond(request, 409, "Conflict",
                    Text.of("a concurrent change conflicted with this request; retry it",
                            "与同时进行的修改冲突，请重试"), List.of());
            default -> null;
        };
    }

    private Response staleVersion(HttpServerRequest request) {
        return respond(request, 409, "Conflict",
                Text.of("the resource was changed by someone else; reload it and retry", "该记录已被他人修改，请重新加载后重试"),
                List.of());
    }

    private Response unauthenticated(HttpServerRequest request, Text detail) {
        Response response = respond(request, 401, "Unauthorized", detail, List.of());
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response respond(HttpServerRequest request, int status, String title, Text detail,
                             List<Violation> violations) {
        return respond(request, status, title, detail, violations, null);
    }

    /** The problem in English, or in Chinese when the request prefers it: the same status and fields. */
    private Response respond(HttpServerRequest request, int status, String title, Text detail,
                             List<Violation> violations, ApiProblem withRowErrors) {
        boolean chinese = request != null && ProblemTexts.prefersChinese(request.getHeader("Accept-Language"));
        ProblemDetail body = new ProblemDetail("about:blank", chinese ? ProblemTexts.title(title) : title, status,
                detail.in(chinese), request == null ? null : request.path(),
                violations.stream().map(v -> v.in(chinese)).toList(),
                withRowErrors == null ? List.of() : withRowErrors.errors(chinese),
                withRowErrors == null ? null : withRowErrors.errorCount());
        String json;
        try {
            // A message may quote what the client sent (a cell of a roster, an enum value): never an ID number.
            json = Redaction.maskIdNumbers(objectMapper.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            json = "{\"status\":" + status + ",\"title\":\"" + title + "\"}";
        }
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE).entity(json).build();
    }

    /**
     * What the client sent, quoted back at most {@value #ECHOED_CHARACTERS} characters long: a
     * 40,000-character enum value was answered twice over (detail and violation), 80 kB of problem.
     */
    private static String echoed(Object sent) {
        String text = String.valueOf(sent);
        if (text.codePointCount(0, text.length()) <= ECHOED_CHARACTERS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, ECHOED_CHARACTERS)) + "…";
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
