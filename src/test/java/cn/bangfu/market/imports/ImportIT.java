package cn.bangfu.market.imports;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class ImportIT extends ImportTest {
}
