package cn.bangfu.market.households;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same household-change and alert scenarios against the packaged production artifact. */
@QuarkusIntegrationTest
class HouseholdChangeIT extends HouseholdChangeTest {
}
