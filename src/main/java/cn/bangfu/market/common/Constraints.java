package cn.bangfu.market.common;

import jakarta.validation.ConstraintValidatorContext;

/** Shared by the text constraints: a rule's own message replaces the annotation's default. */
final class Constraints {

    private Constraints() {
    }

    /** True when {@code problem} is null; otherwise reports it as the violation's message. */
    static boolean report(ConstraintValidatorContext context, String problem) {
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // a fixed text of ours, never the value: no expression language is evaluated on user input
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
