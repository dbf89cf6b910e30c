package cn.bangfu.market.catalogue;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class ProductRecognitionIT extends ProductRecognitionTest {
}
