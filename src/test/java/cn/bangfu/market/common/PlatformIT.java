package cn.bangfu.market.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class PlatformIT extends PlatformTest {
}
