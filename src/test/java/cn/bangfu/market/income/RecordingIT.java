package cn.bangfu.market.income;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The retry, suspension, reversal and share scenarios against the packaged production artifact. */
@QuarkusIntegrationTest
class RecordingIT extends RecordingTest {
}
