package cn.bangfu.market.cooperatives;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class CooperativeResourceIT extends CooperativeResourceTest {
}
