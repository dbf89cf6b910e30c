package cn.bangfu.market.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTextsTest {

    @Test
    void chineseWhenItRanksAboveEnglish() {
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
    void titlesAndTheRecurringMessages() {
        assertThat(ProblemTexts.title("Not Found")).isEqualTo("未找到");
        assertThat(ProblemTexts.title("Import Rejected")).isEqualTo("导入被拒绝");
        assertThat(ProblemTexts.message("order 42 does not exist")).isEqualTo("订单 42 不存在");
        assertThat(ProblemTexts.message("widget 42 does not exist")).isEqualTo("widget 42 不存在");
        assertThat(ProblemTexts.message("this lies outside your region")).isEqualTo("不在你的管辖区域内");
        assertThat(ProblemTexts.message("priceFen: must be greater than or equal to 1"))
                .isEqualTo("priceFen：必须大于或等于1");
        assertThat(ProblemTexts.message("name: must not be null; stock: must not be negative"))
                .isEqualTo("name：不能为空；stock：不能为负数");
        assertThat(ProblemTexts.message("1 of 2 rows are invalid, with 1 errors; nothing was imported"))
                .isEqualTo("2 行中有 1 行有误，共 1 处错误；未导入任何内容");
        // what no rule knows stays as the service wrote it
        assertThat(ProblemTexts.message("sku A-1 is already another product's of this cooperative"))
                .isEqualTo("sku A-1 is already another product's of this cooperative");
        assertThat(ProblemTexts.message("a: something; b: else")).isEqualTo("a: something; b: else");
        assertThat(ProblemTexts.message(null)).isNull();
    }
}
