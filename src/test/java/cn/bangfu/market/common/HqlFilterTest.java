package cn.bangfu.market.common;

import cn.bangfu.market.catalogue.Product;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A list's query keeps its plan in Hibernate: no parameter is the last argument of a function,
 * which HQL reads as possibly multi-valued (varargs) and then translates the query again on every
 * run. The service's searches call V25's functions, which take the parameter first.
 */
@QuarkusTest
class HqlFilterTest {

    @Inject
    EntityManager em;

    @Test
    void aParameterLastInAFunctionIsSeenAsMultiValuedAndFirstItIsNot() {
        assertThat(HqlFilter.anyMultiValued(em.createQuery(
                "from Product p where function('product_has_gram', p.name, p.brand, :gram) = true")))
                .isTrue();
        assertThat(HqlFilter.anyMultiValued(em.createQuery(
                "from Product p where p.certifications contains :certification"))).isFalse();
        assertThat(HqlFilter.anyMultiValued(em.createQuery(
                "from Product p where function('gram_of_product', :gram, p.name, p.brand) = true"))).isFalse();
    }

    @Test
    void aListWithSuchAParameterFailsWhileTested() {
        HqlFilter filter = HqlFilter.of("from Product p where true")
                .and("function('product_has_gram', p.name, p.brand, :gram) = true", "gram", "苹果");
        // surefire runs the tests with assertions on; in production the check costs nothing
        assertThatThrownBy(() -> filter.page(em, "select p", "p", "p.id", Product.class, new PageRequest(0, 1)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("product_has_gram");
    }
}
