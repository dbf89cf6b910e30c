package cn.bangfu.market.common;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.runtime.BlockingOperationControl;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every log line written while a request is served carries its request id and the caller's
 * role (MDC keys {@code requestId} and {@code role}), and the response names the id in
 * {@code X-Request-Id} so that a user's report can be found in the logs. A client's own
 * {@code X-Request-Id} is kept when it is a plain token; anything else is replaced. Nothing
 * else of the caller is logged: no subject, no claim, never an ID number.
 */
public class RequestLogContext {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    CurrentIdentityAssociation identities;

    /**
     * After matching: every endpoint here is blocking, so this runs on the worker thread that
     * serves the request and logs its lines, and authentication (lazy) may be asked for.
     */
    @ServerRequestFilter
    public void putInLogContext(ContainerRequestContext request) {
        String offered = request.getHeaderString(HEADER);
        String id = offered != null && ACCEPTED_ID.matcher(offered).matches() ? offered : newRequestId();
        request.setProperty(HEADER, id);
        MDC.put("requestId", id);
        // no token, no identity to resolve: the public catalogue reads stay as cheap as they were
        MDC.put("role", request.getHeaderString(HttpHeaders.AUTHORIZATION) == null ? "anonymous" : currentRole());
    }

    @ServerResponseFilter
    public void echoAndClear(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove("requestId");
        MDC.remove("role");
    }

    /** Unique enough to find a request in the logs; not a secret, so no SecureRandom on every request. */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String currentRole() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            return "unresolved"; // no endpoint of ours runs on the event loop; should one, it must not block here
        }
        try {
            return roleOf(identities.getIdentity());
        } catch (RuntimeException refused) {
            return "unauthenticated"; // the endpoint answers 401 itself
        }
    }

    static String roleOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return "anonymous";
        }
        for (String role : new String[] {Roles.BUREAU, Roles.COOPERATIVE, Roles.BUYER}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return "other";
    }
}
