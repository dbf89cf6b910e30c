package cn.bangfu.market.common;

/** One failed field of a request: {@code {"field": "creditCode", "message": "..."}}. */
public record Violation(String field, String message) {
}
