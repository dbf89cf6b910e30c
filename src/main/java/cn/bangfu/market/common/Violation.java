package cn.bangfu.market.common;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** One failed field of a request, its message in both languages; answered as {@link Violation.Answer}. */
public record Violation(String field, Text message) {

    public static Violation of(String field, String english, String chinese) {
        return new Violation(field, Text.of(english, chinese));
    }

    /** A Bean Validation message (Hibernate Validator's English), in Chinese by {@link ProblemTexts#constraint}. */
    public static Violation ofConstraint(String field, String english) {
        return new Violation(field, ProblemTexts.constraint(english));
    }

    /** "field: message; field: message", the detail of a problem that lists them. */
    public static Text describe(List<Violation> violations) {
        return Text.join(violations.stream().map(v -> Text.of(v.field() + ": " + v.message().english(),
                v.field() + "：" + v.message().chinese())).toList());
    }

    public Answer in(boolean chinese) {
        return new Answer(field, message.in(chinese));
    }

    /** What a problem's {@code violations} list: {@code {"field": "creditCode", "message": "..."}}. */
    @RegisterForReflection
    public record Answer(String field, String message) {
    }
}
