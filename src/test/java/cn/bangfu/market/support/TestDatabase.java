package cn.bangfu.market.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers the embedded PostgreSQL once, for every Quarkus test in the run. */
@WithTestResource(value = EmbeddedPostgres.class, scope = TestResourceScope.GLOBAL)
public final class TestDatabase {
    private TestDatabase() {
    }
}
