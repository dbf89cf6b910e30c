package cn.bangfu.market.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.function.BiConsumer;

/**
 * Keeps every request from paying for Quarkus REST's authentication-failure set-up. Quarkus
 * 3.34 with Micrometer resolves the matched route template of <em>every</em> request before it
 * reaches Quarkus REST (a new {@code RequestMapper} over all resources: 5.5 % of the CPU of
 * {@code GET /products/{id}}, 3.4 % of {@code POST /orders}, README "Where the time goes",
 * fifth round), only so that a failure of proactive authentication would be counted under the
 * template. Its route filter does so when it finds the default authentication-failure handler;
 * this route filter runs between the two (the authentication handler's priority, registered
 * after it) and puts in that handler's place one that does exactly what Quarkus would have put
 * there: fail the request with the failure's root cause. On entering Quarkus REST it is removed
 * again, as Quarkus REST removes its own, so that an authentication failure inside REST is
 * answered by our exception mappers alone.
 *
 * <p>Nothing else changes: authentication here is lazy and no HTTP permission policy is set, so
 * identity is only ever resolved inside Quarkus REST (after the removal), whose 401/403 name the
 * route template for the metrics themselves ({@code PlatformTest} checks both).
 */
@Singleton
public class PlainAuthFailureHandler {

    /** {@code HttpSecurityRecorder}'s authentication handler; Quarkus REST's route filter is 199, after both. */
    static final int AUTHENTICATION_FILTER_PRIORITY = 200;

    static final BiConsumer<RoutingContext, Throwable> FAIL_WITH_ROOT_CAUSE = (context, failure) -> {
        DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(context, failure);
        if (!context.failed()) {
            context.fail(DefaultAuthFailureHandler.extractRootCause(failure));
        }
    };

    void register(@Observes Filters filters) {
        filters.register(PlainAuthFailureHandler::replaceDefault, AUTHENTICATION_FILTER_PRIORITY);
    }

    static void replaceDefault(RoutingContext context) {
        if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FAIL_WITH_ROOT_CAUSE);
        }
        context.next();
    }

    /** Quarkus REST does the same with the handler it would have put there. */
    @ServerRequestFilter(preMatching = true)
    public void removeOnEnteringRest(RoutingContext context) {
        if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) == FAIL_WITH_ROOT_CAUSE) {
            context.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        }
    }
}
