package cn.bangfu.market.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shaped like a region code: 6 digits (GB/T 2260) or 12 (statistical division code).
 * Checked before any lookup, so that no other text reaches a query; the finer
 * structure rules of each level are in {@code RegionCodes}. Null is valid.
 */
@Documented
@Pattern(regexp = RegionCode.SHAPE)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RegionCode {

    /** 6 digits (GB/T 2260) or 12 (statistical division code), as a regular expression's alternatives. */
    String DIGITS = "[0-9]{6}|[0-9]{12}";

    /** A region code, the whole text; query parameters take it with spaces around (QueryLimits). */
    String SHAPE = "^(?:" + DIGITS + ")$";

    String message() default "must be a region code of 6 or 12 digits";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
