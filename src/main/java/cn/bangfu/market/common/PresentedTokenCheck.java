package cn.bangfu.market.common;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token presented must hold, on the public catalogue too (api.md: 401 for a missing or invalid
 * token): a client whose token expired learns it on its next request, as on every protected
 * endpoint, and is never served as if it had sent none. A request without an
 * {@code Authorization} header resolves nothing here, so the anonymous catalogue reads cost what
 * they did. Runs after {@link RequestLogContext}, so that the 401 carries its request id.
 */
public class PresentedTokenCheck {

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(priority = Priorities.USER + 10)
    public void refuseAFailingToken(ContainerRequestContext request) {
        // as in RequestLogContext: no endpoint of ours runs on the event loop; should one, it must not block here
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null && BlockingOperationControl.isBlockingAllowed()) {
            identities.getIdentity(); // a token that fails throws AuthenticationFailedException: 401 (ProblemMappers)
        }
    }
}
