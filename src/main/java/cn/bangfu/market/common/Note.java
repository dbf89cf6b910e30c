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
 * Free text that may span lines (a review note, a remark): at most {@link #max()}
 * characters, no control characters but line breaks and tabs. Null is valid.
 */
@Documented
@Constraint(validatedBy = Note.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Note {

    int max();

    String message() default "must be text without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Note, CharSequence> {
        private int max;

        @Override
        public void initialize(Note annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || Constraints.report(context, TextRules.noteProblem(value, max));
        }
    }
}
