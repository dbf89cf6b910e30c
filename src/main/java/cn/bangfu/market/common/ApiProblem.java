package cn.bangfu.market.common;

import java.util.List;

/**
 * A business-level failure that is answered as RFC 9457 problem+json.
 * Services throw it; {@link ProblemMappers} renders it.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Violation> violations;
    /** Seconds for a {@code Retry-After} header, or null. */
    private Integer retryAfterSeconds;

    public ApiProblem(int status, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad Request", detail);
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(400, "Constraint Violation", field + ": " + message,
                List.of(new Violation(field, message)));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "Not Found", what + " " + id + " does not exist");
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail);
    }

    /** 422: well-formed, but breaks a business rule. */
    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(422, "Unprocessable Content", detail);
    }

    public static ApiProblem unprocessable(String field, String message) {
        return new ApiProblem(422, "Unprocessable Content", field + ": " + message,
                List.of(new Violation(field, message)));
    }

    /** 429: too many at once; retry after the given seconds. */
    public static ApiProblem tooManyRequests(String detail, int retryAfterSeconds) {
        ApiProblem problem = new ApiProblem(429, "Too Many Requests", detail);
        problem.retryAfterSeconds = retryAfterSeconds;
        return problem;
    }

    /** Row errors of a rejected file, listed in the answer's {@code errors}; none by default. */
    public List<?> errors() {
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

    public List<Violation> violations() {
        return violations;
    }
}
