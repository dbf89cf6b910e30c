package cn.bangfu.market.households;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class HouseholdResourceIT extends HouseholdResourceTest {
}
