package cn.bangfu.market.buyers;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class BuyerResourceIT extends BuyerResourceTest {
}
