package cn.bangfu.market.exports;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class ExportIT extends ExportTest {
}
