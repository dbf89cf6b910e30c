package cn.bangfu.market.common;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One failed field of a request: {@code {"field": "creditCode", "message": "..."}}. */
@RegisterForReflection
public record Violation(String field, String message) {
}
