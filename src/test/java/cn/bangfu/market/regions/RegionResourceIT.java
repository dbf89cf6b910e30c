package cn.bangfu.market.regions;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class RegionResourceIT extends RegionResourceTest {
}
