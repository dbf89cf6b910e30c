package cn.bangfu.market.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTextsTest {

    @Test
    void chineseIsPreferredOnlyWhenRankedAboveEnglish() {
        assertThat(ProblemTexts.prefersChinese("zh-CN")).isTrue();
        assertThat(ProblemTexts.prefersChinese("zh-CN,zh;q=0.9,en;q=0.8")).isTrue();
        assertThat(ProblemTexts.prefersChinese("en-US,en;q=0.9,zh-CN;q=0.8")).isFalse();
        assertThat(ProblemTexts.prefersChinese("en;q=0.5,zh;q=0.9")).isTrue();
        assertThat(ProblemTexts.prefersChinese("zh;q=0,en")).isFalse();
        assertThat(ProblemTexts.prefersChinese("*")).isFalse();
        assertThat(ProblemTexts.prefersChinese(null)).isFalse();
        assertThat(ProblemTexts.prefersChinese(";;;=")).isFalse();
        assertThat(ProblemTexts.prefersChinese("zh-" + "x".repeat(300))).isFalse();
    }

    @Test
    void titlesAndKinds() {
        assertThat(ProblemTexts.title("Not Found")).isEqualTo("未找到");
        assertThat(ProblemTexts.title("Import Rejected")).isEqualTo("导入被拒绝");
        assertThat(ApiProblem.notFound("order", 42).detail())
                .isEqualTo(Text.of("order 42 does not exist", "订单 42 不存在"));
        assertThat(ProblemTexts.kind("widget")).isEqualTo("widget");
    }

    /** Hibernate Validator's English for every constraint the service uses, and the defaults of its own. */
    @Test
    void everyConstraintMessageHasItsChinese() {
        List<String> messages = List.of("must not be null", "must not be blank", "must be greater than or equal to 1",
                "must be less than or equal to 200", "must be greater than 0", "must be less than or equal to 1000000",
                "size must be between 0 and 500", "numeric value out of bounds (<7 digits>.<3 digits> expected)",
                "must match \"\\S.*\"", "must be a phone number", "must be a region code of 6 or 12 digits",
                "must be a date in the years 2000 to 2100", "must be text without control characters",
                "must be non-blank text on one line without control characters",
                "must be an 18-character unified social credit code with a valid GB 32100 check character",
                "must be a valid 18-character resident ID number (GB 11643)",
                "must not be a resident ID number: it would be shown unmasked",
                "must be 1-32 letters, digits, '-' or '_'", "must be 1-64 letters or digits, with . _ / - inside",
                "must be at most 100 characters", "must be text on one line without control characters",
                "must not contain control characters other than line breaks and tabs",
                "must be an 18-character resident ID number", "the first 17 characters must be digits",
                "the check character must be a digit or X", "the address code is not valid",
                "the date of birth is not a calendar date", "the date of birth is out of range",
                "the check character does not match (GB 11643)");
        for (String message : messages) {
            Text text = ProblemTexts.constraint(message);
            assertThat(text.english()).isEqualTo(message);
            assertThat(text.chinese()).as(message).doesNotStartWith(ProblemTexts.UNKNOWN_CONSTRAINT)
                    .containsPattern("\\p{IsHan}");
        }
        assertThat(ProblemTexts.constraint("must be greater than or equal to 1").chinese()).isEqualTo("必须大于或等于1");
        assertThat(ProblemTexts.constraint("size must be between 0 and 500").chinese()).isEqualTo("长度或个数必须在0到500之间");
        // a message no rule knows is framed, not lost: the acceptance of a new constraint shows in HostileInputTest
        assertThat(ProblemTexts.constraint("must be purple").chinese()).isEqualTo("不符合要求（must be purple）");
    }

    @Test
    void violationsMakeOneDetailInEachLanguage() {
        Text detail = Violation.describe(List.of(Violation.ofConstraint("name", "must not be null"),
                Violation.of("stock", "must not be negative", "不能为负数")));
        assertThat(detail).isEqualTo(Text.of("name: must not be null; stock: must not be negative",
                "name：不能为空；stock：不能为负数"));
    }
}
