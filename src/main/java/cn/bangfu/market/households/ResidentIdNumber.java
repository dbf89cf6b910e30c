package cn.bangfu.market.households;

import cn.bangfu.market.common.BusinessClock;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A valid GB 11643 resident ID number (null is left to @NotNull). The message never contains the value. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ResidentIdNumber.Validator.class)
public @interface ResidentIdNumber {

    String message() default "must be a valid 18-character resident ID number (GB 11643)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ResidentIdNumber, String> {
        /** Birth dates are judged against today in the business time zone. */
        @Inject
        BusinessClock clock;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            var problem = IdNumbers.problem(IdNumbers.normalize(value), clock.today());
            if (problem.isPresent()) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem.get()).addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
