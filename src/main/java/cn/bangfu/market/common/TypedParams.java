package cn.bangfu.market.common;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one place where typed path and query parameters are converted and where a conversion fails.
 * JAX-RS would answer a failed query conversion with a bare 404; here a query parameter that is not a
 * number, a date or one of an enum's values is a 400 naming the parameter, and a path id that is not a
 * number is simply unknown (404). A blank query value is an absent one. Enum values are matched ignoring case.
 */
@Provider
public class TypedParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, ?> parse;
        Text expected;
        if (rawType == Long.class || rawType == long.class) {
            parse = Long::valueOf;
            expected = Text.of("must be an integer", "必须是整数");
        } else if (rawType == Integer.class || rawType == int.class) {
            parse = Integer::valueOf;
            expected = Text.of("must be an integer", "必须是整数");
        } else if (rawType == Boolean.class || rawType == boolean.class) {
            parse = TypedParams::bool; // JAX-RS' own reads anything but "true" as false
            expected = Text.of("must be true or false", "必须是 true 或 false");
        } else if (rawType == LocalDate.class) {
            parse = LocalDate::parse;
            expected = Text.of("must be a date YYYY-MM-DD", "必须是 YYYY-MM-DD 格式的日期");
        } else if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            parse = raw -> Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
            String values = Arrays.toString(type.getEnumConstants());
            expected = Text.of("must be one of " + values, "必须是 " + values + " 之一");
        } else {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return (ParamConverter<T>) new Converter<>(parse, true,
                        raw -> ApiProblem.invalidField(query.value(), expected));
            }
            if (annotation instanceof PathParam path) {
                // A path segment is taken as sent. An id that cannot exist names nothing; any other path value
                // (a year) is a bad request.
                return (ParamConverter<T>) new Converter<>(parse, false, rawType == Long.class || rawType == long.class
                        ? raw -> new ApiProblem(404, "Not Found", Text.of("nothing exists with that " + path.value(),
                                "不存在该 " + path.value() + " 对应的记录"))
                        : raw -> ApiProblem.invalidField(path.value(), expected));
            }
        }
        return null;
    }

    private static Boolean bool(String raw) {
        if ("true".equalsIgnoreCase(raw)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(raw)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(raw);
    }

    /** @param lenient a query value: blank means absent and surrounding spaces are ignored */
    private record Converter<T>(Function<String, T> parse, boolean lenient, Function<String, ApiProblem> failure)
            implements ParamConverter<T> {

        @Override
        public T fromString(String raw) {
            if (lenient && (raw == null || raw.isBlank())) {
                return null;
            }
            try {
                return parse.apply(lenient ? raw.trim() : raw);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // ProblemMappers unwraps the ApiProblem from the NotFoundException JAX-RS wraps it in.
                throw failure.apply(raw);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
