package cn.bangfu.market.regions;

import cn.bangfu.market.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The region paths an instance keeps (RegionService.path) are those of committed regions only. */
@QuarkusTest
class RegionPathsTest {

    @Inject
    RegionService regions;

    @Inject
    EntityManager em;

    @Test
    void aPathReadInATransactionThatRollsBackIsNotKept() {
        Fixtures.standardRegions();
        String township = freeTownshipCode();
        String path = "/620000/620800/620826/" + township + "/";
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into region (code, name, level, parent_code, path) "
                    + "values (?1, '回滚镇', 'TOWNSHIP', ?2, ?3)")
                    .setParameter(1, township).setParameter(2, Fixtures.JINGNING).setParameter(3, path)
                    .executeUpdate();
            assertThat(regions.subtreePattern(township)).contains(path + "%");
            assertThat(regions.contains(Fixtures.JINGNING, township)).isTrue();
            throw new IllegalStateException("rolled back");
        })).hasStackTraceContaining("rolled back");
        assertThat(regions.subtreePattern(township)).isEmpty();
        assertThat(regions.contains(Fixtures.JINGNING, township)).isFalse();

        // committed, it is found, and kept
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into region (code, name, level, "
                        + "parent_code, path) values (?1, '新设镇', 'TOWNSHIP', ?2, ?3)")
                .setParameter(1, township).setParameter(2, Fixtures.JINGNING).setParameter(3, path).executeUpdate());
        assertThat(regions.subtreePattern(township)).contains(path + "%");
        assertThat(regions.contains(Fixtures.GANSU, township)).isTrue();
        assertThat(regions.contains(Fixtures.WUQING, township)).isFalse();
    }

    @Test
    void thePathsReadInATransactionAreKeptWhenItCommitsAndNotBefore() {
        Fixtures.standardRegions();
        String first = freeTownshipCode();
        String second = freeTownshipCode(first);
        QuarkusTransaction.requiringNew().run(() -> {
            for (String township : List.of(first, second)) {
                em.createNativeQuery("insert into region (code, name, level, parent_code, path) "
                                + "values (?1, '新设镇', 'TOWNSHIP', ?2, ?3)")
                        .setParameter(1, township).setParameter(2, Fixtures.JINGNING)
                        .setParameter(3, "/620000/620800/620826/" + township + "/").executeUpdate();
                assertThat(regions.contains(Fixtures.JINGNING, township)).isTrue();
            }
            assertThat(regions.keeps(first)).as("kept before the commit").isFalse();
            assertThat(regions.keeps(second)).as("kept before the commit").isFalse();
        });
        assertThat(regions.keeps(first)).as("kept after the commit").isTrue();
        assertThat(regions.keeps(second)).as("kept after the commit").isTrue();
    }

    /** A township code of 静宁县 that no region has yet, other than {@code drawn}. */
    private String freeTownshipCode(String... drawn) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String candidate = Fixtures.JINGNING + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 900)) + "000";
            if (!List.of(drawn).contains(candidate) && QuarkusTransaction.requiringNew().call(() -> em.find(Region.class, candidate)) == null) {
                return candidate;
            }
        }
        throw new AssertionError("no free township code in 50 draws");
    }
}
