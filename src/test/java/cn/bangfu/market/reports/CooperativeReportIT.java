package cn.bangfu.market.reports;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class CooperativeReportIT extends CooperativeReportTest {
}
