package cn.bangfu.market.common;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

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
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(BodyLimits.MAX_JSON_BYTES)
                .build());
    }
}
