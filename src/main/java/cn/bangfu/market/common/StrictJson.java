package cn.bangfu.market.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.io.IOException;
import java.util.Set;

/**
 * Reads a request body that must not carry unknown fields (partial updates,
 * where a misspelt field would otherwise be silently dropped) and validates it.
 * Errors surface as the usual 400 problems.
 */
@ApplicationScoped
public class StrictJson {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    public <T> T read(JsonNode body, Class<T> type) throws IOException {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("the request body must be a JSON object", "请求体必须是 JSON 对象");
        }
        ObjectReader reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        T value = reader.readValue(body);
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
