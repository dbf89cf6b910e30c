package cn.bangfu.market.common;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Strict enum reading: {@code "category": 7} is a 400, not the 8th category. Parser limits
 * far below Jackson's defaults, since no request of ours nests deeper than three levels
 * or carries a number of more than a few digits: a hostile body fails fast (400).
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 40;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // Wrong types are 400s, never values in disguise: "amountFen": "1", "name": 7, "stock": "" or
        // "\u0000" (which Jackson would take for blank, hence null), a date given as a day number.
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "noCanteen": 1 is not true (Jackson would take any integer for a boolean)
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.registerModule(new SimpleModule("decimal-places").addDeserializer(BigDecimal.class,
                new DecimalPlacesAsMeant()));
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(BodyLimits.MAX_JSON_BYTES)
                .build());
    }

    /**
     * A decimal with the places its value has: {@code "days": 2.50} is 2.5, one place (income-rules.md
     * §3 counts places of the value; {@code @Digits} would count the zero), and {@code 1e2} is 100. An
     * absurd exponent stays as written, for the bounds to refuse without expanding it.
     */
    static final class DecimalPlacesAsMeant extends NumberDeserializers.BigDecimalDeserializer {

        private static final int MAX_INTEGER_DIGITS = MAX_NUMBER_LENGTH;

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() >= 0) {
                return stripped;
            }
            return stripped.precision() - stripped.scale() <= MAX_INTEGER_DIGITS ? stripped.setScale(0) : value;
        }
    }
}
