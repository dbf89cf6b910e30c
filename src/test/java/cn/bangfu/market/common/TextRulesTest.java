package cn.bangfu.market.common;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

    @Test
    void singleLineText() {
        assertThat(TextRules.singleLineProblem("静宁县红果苹果专业合作社", 200)).isNull();
        assertThat(TextRules.singleLineProblem(" 前后 空格 ", 200)).isNull();
        assertThat(TextRules.singleLineProblem("", 200)).isEqualTo("must not be blank");
        assertThat(TextRules.singleLineProblem(" \u3000 ", 200)).isEqualTo("must not be blank"); // ideographic space
        assertThat(TextRules.singleLineProblem("a\nb", 200)).contains("one line");
        assertThat(TextRules.singleLineProblem("a\u0000", 200)).contains("control");
        assertThat(TextRules.singleLineProblem("a\u0085b", 200)).contains("control"); // NEL is a C1 control
        assertThat(TextRules.singleLineProblem("x".repeat(201), 200)).isEqualTo("must be at most 200 characters");
        // the length decides first: the hostile tail is never scanned
        assertThat(TextRules.singleLineProblem("王".repeat(40_000) + "\u0001", 200)).contains("at most 200");
    }

    /** Lengths in characters (code points), as varchar(n) and JSON Schema's maxLength count them. */
    @Test
    void lengthsAreInCharactersNotUtf16Units() {
        String rare = "𠮷"; // U+20BB7, CJK Extension B: two UTF-16 units
        assertThat(TextRules.singleLineProblem(rare.repeat(200), 200)).isNull();
        assertThat(TextRules.singleLineProblem(rare.repeat(200) + "a", 200)).contains("at most 200");
        assertThat(TextRules.noteProblem(rare.repeat(500), 500)).isNull();
        assertThat(TextRules.noteProblem(rare.repeat(501), 500)).contains("at most 500");
        assertThat(TextRules.parameterProblem(rare.repeat(200), 200)).isNull();
        assertThat(TextRules.parameterProblem(rare.repeat(201), 200)).isNotNull();
        assertThat(TextRules.longerThan("", 0)).isFalse();
        assertThat(TextRules.longerThan("ab", 1)).isTrue();
        assertThat(TextRules.longerThan(rare, 1)).isFalse();
        assertThat(IdempotencyKeys.require(rare.repeat(IdempotencyKeys.MAX_LENGTH))).hasSize(400);
    }

    @Test
    void notesKeepLineBreaksButNoOtherControls() {
        assertThat(TextRules.noteProblem("第一行\r\n第二行\t备注", 500)).isNull();
        assertThat(TextRules.noteProblem("", 500)).isNull();
        assertThat(TextRules.noteProblem("a\u0000", 500)).contains("control");
        assertThat(TextRules.noteProblem("a\u001b[31m", 500)).contains("control");
        assertThat(TextRules.noteProblem("x".repeat(501), 500)).contains("at most 500");
    }

    /** Property: a text is single-line exactly when it has a visible character and no control character. */
    @Test
    void singleLineAgreesWithItsDefinitionOnRandomText() {
        String alphabet = "a王 \t\n\u0000\u0001\u3000\u00a0x";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            boolean expected = text.chars().noneMatch(Character::isISOControl)
                    && text.chars().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c));
            assertThat(TextRules.singleLineProblem(text, 100) == null).as(text).isEqualTo(expected);
        }
    }

    @Test
    void databaseUnavailableIsTold() {
        assertThat(DatabaseFailures.isUnavailable(new SQLException("refused", "08001"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("terminating", "57P01"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("duplicate", "23505"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("no state"))).isFalse();
    }

    @Test
    void issuedAtInTheFuture() {
        assertThat(IssuedAtCheck.issuedInTheFuture(1_000, 1_000, 60)).isFalse();
        assertThat(IssuedAtCheck.issuedInTheFuture(1_060, 1_000, 60)).isFalse();
        assertThat(IssuedAtCheck.issuedInTheFuture(1_061, 1_000, 60)).isTrue();
    }
}
