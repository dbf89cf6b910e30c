package cn.bangfu.market.catalogue;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios against the packaged production artifact. */
@QuarkusIntegrationTest
class ProductImportIT extends ProductImportTest {
}
