package cn.bangfu.market.income;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The asset dividend against the packaged production artifact. */
@QuarkusIntegrationTest
class AssetDividendIT extends AssetDividendTest {
}
