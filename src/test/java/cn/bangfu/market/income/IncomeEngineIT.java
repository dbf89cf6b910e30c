package cn.bangfu.market.income;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class IncomeEngineIT extends IncomeEngineTest {
}
