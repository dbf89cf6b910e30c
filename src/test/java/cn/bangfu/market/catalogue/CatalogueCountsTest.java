package cn.bangfu.market.catalogue;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search's total is counted once per catalogue version (V24, {@link CatalogueCounts}) and stays
 * exact: every write that can change what a search counts moves the version, by the service or
 * by SQL (as another instance's would), and an order, which takes stock, does not.
 */
@QuarkusTest
class CatalogueCountsTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void regions() {
        Fixtures.standardRegions();
    }

    @Test
    void aKeptTotalIsExactAfterEveryWriteThatChangesIt() {
        String marker = "计数" + System.nanoTime();
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long apple = Fixtures.newProduct(cooperative, Map.of("name", marker + "苹果", "stock", 10));
        assertThat(total(marker)).isEqualTo(1);
        assertThat(total(marker)).isEqualTo(1);
        long pear = Fixtures.newProduct(cooperative, Map.of("name", marker + "梨", "stock", 10));
        assertThat(total(marker)).isEqualTo(2);
        Api.asCooperative(cooperative).body(Map.of("status", "DELISTED")).patch("/api/v1/products/" + apple)
                .then().statusCode(200);
        assertThat(total(marker)).isEqualTo(1);
        // written by SQL, as by another instance: the version moves in the same transaction
        sql("update product set status = 'ACTIVE' where id = " + apple);
        assertThat(total(marker)).isEqualTo(2);
        sql("update product set name = 'x" + marker + "' where id = " + apple);
        assertThat(total(marker + "苹")).isZero();
        sql("update cooperative set status = 'SUSPENDED' where id = " + cooperative);
        assertThat(total(marker)).isZero();
        sql("update cooperative set status = 'APPROVED' where id = " + cooperative);
        assertThat(total(marker)).isEqualTo(2);
        assertThat(total(marker, Fixtures.JINGNING)).isEqualTo(2);
        sql("update cooperative set region_code = '" + Fixtures.WUQING + "' where id = " + cooperative);
        assertThat(total(marker, Fixtures.JINGNING)).isZero();
        sql("update cooperative set region_code = '" + Fixtures.JINGNING + "' where id = " + cooperative);

        // an order takes stock (and a cancellation would give it back): what a search counts is unchanged
        long version = version();
        long buyer = Fixtures.newBuyer(Fixtures.WUQING, "ENTERPRISE");
        Fixtures.placeOrder(buyer, null, pear, 1);
        assertThat(version()).isEqualTo(version);
        assertThat(total(marker)).isEqualTo(2);
    }

    /**
     * The total is kept, and the version is all that makes it counted again: a change made with the
     * triggers switched off (session_replication_role) leaves the kept total standing until the
     * version moves.
     */
    @Test
    void onlyTheVersionMakesATotalCountedAgain() {
        String marker = "版本" + System.nanoTime();
        long cooperative = Fixtures.newCooperative(Fixtures.JINGNING, true);
        long product = Fixtures.newProduct(cooperative, Map.of("name", marker + "苹果"));
        assertThat(total(marker)).isEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("set local session_replication_role = replica").executeUpdate();
            em.createNativeQuery("update product set status = 'DELISTED' where id = " + product).executeUpdate();
        });
        try {
            assertThat(total(marker)).as("the kept total, the version not moved").isEqualTo(1);
        } finally {
            sql("update catalogue_version set version = version + 1");
        }
        assertThat(total(marker)).isZero();
    }

    private static long total(String q) {
        return Api.anonymous().queryParam("q", q).get("/api/v1/products").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    private static long total(String q, String regionCode) {
        return Api.anonymous().queryParam("q", q).queryParam("regionCode", regionCode).get("/api/v1/products")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private long version() {
        return ((Number) em.createNativeQuery("select version from catalogue_version").getSingleResult()).longValue();
    }
}
