package cn.bangfu.market.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * RFC 9457 problem details body; {@code errors} lists bad rows of a rejected import
 * (at most 200) and {@code errorCount} counts them all.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(String type, String title, int status, String detail, String instance,
                            List<Violation.Answer> violations, List<?> errors, Integer errorCount) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
