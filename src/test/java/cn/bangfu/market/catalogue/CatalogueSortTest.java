package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.support.PatternAgreement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueSortTest {

    @Test
    void fieldsAndDirections() {
        assertThat(CatalogueSort.parse(null)).isEqualTo(new CatalogueSort("id", false));
        assertThat(CatalogueSort.parse(" \u3000")).isEqualTo(new CatalogueSort("id", false));
        assertThat(CatalogueSort.parse("-priceFen")).isEqualTo(new CatalogueSort("priceFen", true));
        assertThat(CatalogueSort.parse("+name")).isEqualTo(new CatalogueSort("name", false));
        assertThat(CatalogueSort.parse(" createdAt,DESC ")).isEqualTo(new CatalogueSort("createdAt", true));
        assertThat(CatalogueSort.parse("priceFen, asc")).isEqualTo(new CatalogueSort("priceFen", false));
        assertThatThrownBy(() -> CatalogueSort.parse("stock")).isInstanceOf(ApiProblem.class);
        // a direction that is neither is refused, not taken for ascending
        assertThatThrownBy(() -> CatalogueSort.parse("priceFen,down")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> CatalogueSort.parse("priceFen,")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> CatalogueSort.parse("priceFen,de\u017Fc")).isInstanceOf(ApiProblem.class);
    }

    /** The document's pattern says exactly what the parser takes. */
    @Test
    void theDocumentedPatternIsTheParser() {
        int compared = PatternAgreement.check(CatalogueSort.DOCUMENTED, PatternAgreement.takes(CatalogueSort::parse),
                List.of(" ", "\u3000", "\u00A0", "-", "+", ",", "id", "name", "priceFen", "createdAt", "desc", "ASC",
                        "de\u017Fc", "x"), 4);
        assertThat(compared).isGreaterThan(40_000);
    }
}
