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

/**
 * A value that is shown unmasked (a household code) must not be a resident ID number,
 * which some rosters use as the household key.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotAnIdNumber.Validator.class)
public @interface NotAnIdNumber {

    String message() default "must not be a resident ID number: it would be shown unmasked";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotAnIdNumber, String> {
        /** Birth dates are judged against today in the business time zone. */
        @Inject
        BusinessClock clock;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !IdNumbers.isValid(IdNumbers.normalize(value), clock.today());
        }
    }
}
