package cn.bangfu.market.trade;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class OrderConcurrencyIT extends OrderConcurrencyTest {
}
