package cn.bangfu.market.console;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Optional;

/** What the console (static files under /console/) needs to sign a user in; no secret in it. */
@Path("/console/config")
@PermitAll
public class ConsoleResource {

    /** The sign-in the console offers: development tokens, or the identity provider's endpoints. */
    @RegisterForReflection
    public record SignIn(boolean devTokens, String clientId, String authorizationEndpoint, String tokenEndpoint,
                         String logoutEndpoint) {
    }

    @Inject
    ConsoleConfig config;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> trustedIssuer;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true) // the console's own, not the API
    public SignIn signIn() {
        String issuer = config.issuer().or(() -> trustedIssuer).map(i -> i.replaceAll("/+$", "")).orElse(null);
        // dev and test builds have /dev/token (devtoken.DevTokenResource); a production build never does
        boolean devTokens = LaunchMode.current().isDevOrTest();
        return new SignIn(devTokens, config.clientId(), issuer == null ? null : issuer + config.authorizationPath(),
                issuer == null ? null : issuer + config.tokenPath(), issuer == null ? null : issuer + config.logoutPath());
    }
}
