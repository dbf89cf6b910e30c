package cn.bangfu.market.common;

import java.util.List;

/**
 * A business-level failure that is answered as RFC 9457 problem+json.
 * Services throw it; {@link ProblemMappers} renders it, in English or, when the request's
 * {@code Accept-Language} prefers it, in Chinese: every detail is a {@link Text} of both.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final Text detail;
    private final List<Violation> violations;
    /** Seconds for a {@code Retry-After} header, or null. */
    private Integer retryAfterSeconds;

    public ApiProblem(int status, String title, Text detail, List<Violation> violations) {
        super(detail.english());
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public ApiProblem(int status, String title, Text detail) {
        this(status, title, detail, List.of());
    }

    /** 400 "Constraint Violation" for the violations found, which make its detail. */
    public static ApiProblem violations(List<Violation> violations) {
        return new ApiProblem(400, "Constraint Violation", Violation.describe(violations), violations);
    }

    public static ApiProblem badRequest(String english, String chinese) {
        return new ApiProblem(400, "Bad Request", Text.of(english, chinese));
    }

    public static ApiProblem invalidField(String field, String english, String chinese) {
        return invalidField(field, Text.of(english, chinese));
    }

    public static ApiProblem invalidField(String field, Text message) {
        return violations(List.of(new Violation(field, message)));
    }

    public static ApiProblem forbidden(String english, String chinese) {
        return new ApiProblem(403, "Forbidden", Text.of(english, chinese));
    }

    /**
     * 404 "kind id does not exist"; the kind ("order", "product", …)
     * is named in Chinese by {@link ProblemTexts#kind}.
     */
    public static ApiProblem notFound(String kind, Object id) {
        return new ApiProblem(404, "Not Found",
                Text.of(kind + " " + id + " does not exist", ProblemTexts.kind(kind) + " " + id + " 不存在"));
    }

    public static ApiProblem conflict(String english, String chinese) {
        return new ApiProblem(409, "Conflict", Text.of(english, chinese));
    }

    /** 422: well-formed, but breaks a business rule. */
    public static ApiProblem unprocessable(String english, String chinese) {
        return new ApiProblem(422, "Unprocessable Content", Text.of(english, chinese));
    }

    public static ApiProblem unprocessable(String field, String english, String chinese) {
        Violation violation = Violation.of(field, english, chinese);
        return new ApiProblem(422, "Unprocessable Content", Violation.describe(List.of(violation)), List.of(violation));
    }

    /** 429: too many at once; retry after the given seconds. */
    public static ApiProblem tooManyRequests(String english, String chinese, int retryAfterSeconds) {
        return new ApiProblem(429, "Too Many Requests", Text.of(english, chinese)).retryAfter(retryAfterSeconds);
    }

    /** 503: the service is too busy to take this now; retry after the given seconds. */
    public static ApiProblem unavailable(String english, String chinese, int retryAfterSeconds) {
        return new ApiProblem(503, "Service Unavailable", Text.of(english, chinese)).retryAfter(retryAfterSeconds);
    }

    private ApiProblem retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Row errors of a rejected file, as its answer's {@code errors} lists them, in the language asked for. */
    public List<?> errors(boolean chinese) {
        return List.of();
    }

    /** How many row errors there are in all ({@code errorCount}), or null when the problem has none. */
    public Integer errorCount() {
        return null;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Text detail() {
        return detail;
    }

    public List<Violation> violations() {
        return violations;
    }
}
