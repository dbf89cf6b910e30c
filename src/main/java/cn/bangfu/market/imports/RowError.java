package cn.bangfu.market.imports;

import cn.bangfu.market.common.ProblemTexts;
import cn.bangfu.market.common.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Why one row of an import was refused, in both languages. Messages never echo ID numbers. */
public record RowError(int row, String field, Text message) {

    public static RowError of(int row, String field, String english, String chinese) {
        return new RowError(row, field, Text.of(english, chinese));
    }

    /** A Bean Validation message (Hibernate Validator's English), in Chinese by {@link ProblemTexts#constraint}. */
    public static RowError ofConstraint(int row, String field, String english) {
        return new RowError(row, field, ProblemTexts.constraint(english));
    }

    public Answer in(boolean chinese) {
        return new Answer(row, field, message.in(chinese));
    }

    /** One entry of a rejected import's {@code errors}: {@code {"row": 3, "field": "members", "message": "..."}}. */
    @RegisterForReflection
    public record Answer(int row, String field, String message) {
    }
}
