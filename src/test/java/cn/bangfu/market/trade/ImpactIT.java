package cn.bangfu.market.trade;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios against the packaged production artifact. */
@QuarkusIntegrationTest
class ImpactIT extends ImpactTest {
}
