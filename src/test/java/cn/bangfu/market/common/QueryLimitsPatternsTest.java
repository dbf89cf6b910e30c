package cn.bangfu.market.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The patterns the published document gives query parameters say what QueryLimits checks. */
class QueryLimitsPatternsTest {

    private static final Pattern REGION_CODE = Pattern.compile(QueryLimits.REGION_CODE_QUERY);
    private static final Pattern NO_CONTROL = Pattern.compile(TextRules.NO_CONTROL_CHARACTERS);

    @ParameterizedTest
    @ValueSource(strings = {"620826", "620826101201", " 620826 ", "620826  ", "", "   "})
    void regionCodesAndBlankAreTaken(String value) {
        assertThat(REGION_CODE.matcher(value).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"62082", "6208261", "x620826", "620826x", "620826 1", "abc", "\u3000", "６２０８２６",
            "620826\n", "1234567890123"})
    void anythingElseIsNot(String value) {
        assertThat(REGION_CODE.matcher(value).matches()).isFalse();
    }

    /** Random texts with and without control characters: the pattern and the loop agree on each. */
    @Test
    void theControlCharacterPatternIsTheCheck() {
        Random random = new Random(20261208);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                // mostly the first 0x200 code units, where the control characters are, and some CJK
                text.append(random.nextInt(10) == 0 ? (char) (0x4E00 + random.nextInt(0x5000))
                        : (char) random.nextInt(0x200));
            }
            String value = text.toString();
            assertThat(NO_CONTROL.matcher(value).matches()).as("%s", value.chars().boxed().toList())
                    .isEqualTo(TextRules.parameterProblem(value, Integer.MAX_VALUE) == null);
        }
    }
}
