package cn.bangfu.market.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.function.BiConsumer;

/**
 * Keeps a request that carries no credentials (every public catalogue read) from paying for
 * Quarkus REST's authentication-failure set-up. Quarkus 3.34 with Micrometer resolves the
 * matched route template of <em>every</em> request before it reaches Quarkus REST (a new
 * {@code RequestMapper} over all resources, 5.5 % of the CPU of {@code GET /products/{id}},
 * README "Where the time goes", fifth round), only so that a failure of proactive
 * authentication would be counted under the template. Its filter does so when it finds
 * the default authentication-failure handler; this filter runs between the two (same
 * priority as the authentication handler, registered after it) and, for a request with no
 * {@code Authorization} header, puts in that handler's place one that does exactly what
 * Quarkus would have put there: fail the request with the failure's root cause.
 *
 * <p>Nothing else changes: authentication here is lazy, a request without credentials is
 * anonymous and its authentication cannot fail, and the 401/403 of our endpoints are
 * raised inside Quarkus REST, which names the route template for the metrics itself. A
 * request with a token keeps Quarkus' own handler untouched.
 */
@Singleton
public class AnonymousAuthFailureHandler {

    /** {@code HttpSecurityRecorder}'s authentication handler; Quarkus REST's filter is 199, after both. */
    static final int AUTHENTICATION_FILTER_PRIORITY = 200;

    static final BiConsumer<RoutingContext, Throwable> FAIL_WITH_ROOT_CAUSE = (context, failure) -> {
        DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(context, failure);
        if (!context.failed()) {
            context.fail(DefaultAuthFailureHandler.extractRootCause(failure));
        }
    };

    void register(@Observes Filters filters) {
        filters.register(AnonymousAuthFailureHandler::replaceForAnonymous, AUTHENTICATION_FILTER_PRIORITY);
    }

    static void replaceForAnonymous(RoutingContext context) {
        if (!context.request().headers().contains(HttpHeaders.AUTHORIZATION)
                && context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FAIL_WITH_ROOT_CAUSE);
        }
        context.next();
    }
}
