package cn.bangfu.market.links;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged production artifact. */
@QuarkusIntegrationTest
class LinkResourceIT extends LinkResourceTest {
}
