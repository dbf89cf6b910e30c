package cn.bangfu.market.exports;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.support.PatternAgreement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code lang} of the exports: what it takes, and that the document's pattern says so. */
class ExportLanguageTest {

    @Test
    void englishOrChinese() {
        assertThat(ExportResource.english("en")).isTrue();
        assertThat(ExportResource.english(" EN-us ")).isTrue();
        assertThat(ExportResource.english(null)).isFalse();
        assertThat(ExportResource.english(" ")).isFalse();
        assertThat(ExportResource.english("zh-Hans-CN")).isFalse();
        assertThatThrownBy(() -> ExportResource.english("fr")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ExportResource.english("english")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void theDocumentedPatternIsTheMethod() {
        int compared = PatternAgreement.check(ExportResource.LANG, PatternAgreement.takes(ExportResource::english),
                List.of(" ", "\u3000", "\u00A0", "-", "e", "N", "z", "h", "en", "zh", "US", "x", "\u0130"), 4);
        assertThat(compared).isGreaterThan(30_000);
    }
}
