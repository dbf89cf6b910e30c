package cn.bangfu.market.common;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patterns the published document gives free-text fields (OpenApiContract) say what the service
 * checks: for every character of the Basic Multilingual Plane, alone and between visible ones, and for
 * random texts, a pattern matches exactly when the rule takes the text. Lengths aside: maxLength states them.
 */
class TextRulesPatternsTest {

    private static final Pattern SINGLE_LINE = Pattern.compile(TextRules.SINGLE_LINE);
    private static final Pattern NOTE = Pattern.compile(TextRules.NOTE);
    private static final Pattern NOTE_NOT_BLANK = Pattern.compile(TextRules.NOTE_NOT_BLANK);
    private static final Pattern NO_CONTROL = Pattern.compile(TextRules.NO_CONTROL_CHARACTERS);
    private static final Pattern NOT_BLANK = Pattern.compile(TextRules.NOT_BLANK);

    /** A note as the request records declare it, validated by Hibernate Validator itself. */
    record Reason(@NotBlank @Note(max = 500) String reason) {
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static boolean singleLine(String text) {
        return TextRules.singleLineProblem(text, Integer.MAX_VALUE) == null;
    }

    private static boolean note(String text) {
        return TextRules.noteProblem(text, Integer.MAX_VALUE) == null;
    }

    private static boolean noteNotBlank(String text) {
        return validator.validate(new Reason(text)).isEmpty();
    }

    private static boolean noControl(String text) {
        return TextRules.parameterProblem(text, Integer.MAX_VALUE) == null;
    }

    @Test
    void everyCharacterAloneAndAmongOthers() {
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            check(String.valueOf(c));
            check("王" + c + " ");
            check(" " + c);
        }
        for (int c = Character.MAX_SURROGATE + 1; c <= 0xFFFF; c++) {
            check(String.valueOf((char) c));
        }
        check("𠮷"); // outside the plane: a letter like any other
        check("");
    }

    @Test
    void randomTexts() {
        String alphabet = "a王𠮷 \t\n\r\u0000\u0001\u001f\u007f\u0085\u00a0\u1680\u2000\u200b\u2028\u3000\ufeff";
        int[] codePoints = alphabet.codePoints().toArray();
        Random random = new Random(20261208);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            check(text.toString());
        }
    }

    private static void check(String text) {
        agree(SINGLE_LINE, TextRulesPatternsTest::singleLine, text);
        agree(NOTE, TextRulesPatternsTest::note, text);
        agree(NOTE_NOT_BLANK, TextRulesPatternsTest::noteNotBlank, text);
        agree(NO_CONTROL, TextRulesPatternsTest::noControl, text);
        agree(NOT_BLANK, t -> !t.isBlank(), text);
    }

    private static void agree(Pattern pattern, Predicate<String> rule, String text) {
        assertThat(pattern.matcher(text).matches()).as("%s on %s", pattern, text.codePoints().boxed().toList())
                .isEqualTo(rule.test(text));
    }
}
