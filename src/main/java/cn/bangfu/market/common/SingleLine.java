package cn.bangfu.market.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Non-blank text on one line, without control characters, at most {@link #max()}
 * characters (checked first, in linear time: see {@link TextRules}). Null is valid;
 * add {@code @NotNull} where the field is required.
 */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    int max();

    String message() default "must be non-blank text on one line without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SingleLine, CharSequence> {
        private int max;

        @Override
        public void initialize(SingleLine annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || Constraints.report(context, TextRules.singleLineProblem(value, max));
        }
    }
}
