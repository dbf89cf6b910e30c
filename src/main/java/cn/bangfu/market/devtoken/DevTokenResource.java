package cn.bangfu.market.devtoken;

import cn.bangfu.market.common.ApiProblem;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Development tokens: signs whatever claims it is given with the development
 * key. Exists only in dev and test builds; a production build has no such
 * endpoint (404) and packages no private key.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path("/dev/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Development")
public class DevTokenResource {

    static final Duration LIFESPAN = Duration.ofHours(12);
    /** The issuer the dev and test profiles trust (mp.jwt.verify.issuer). */
    static final String ISSUER = "bangfu-dev";

    @RegisterForReflection
    public record TokenResponse(String token) {
    }

    @POST
    @PermitAll
    @Operation(operationId = "issueDevToken",
            summary = "Mint a JWT with the given claims (dev and test profiles only)")
    public TokenResponse token(Map<String, Object> claims) {
        if (claims == null) {
            throw ApiProblem.badRequest("a JSON object of claims is required", "必须提供由声明组成的 JSON 对象");
        }
        JwtClaimsBuilder builder = Jwt.claims(claims);
        Object groups = claims.get("groups");
        if (groups instanceof Collection<?> list) {
            Set<String> names = new LinkedHashSet<>();
            list.forEach(g -> names.add(String.valueOf(g)));
            builder.groups(names);
        } else if (groups instanceof String single) {
            builder.groups(single);
        }
        // any claim given is signed as given (api.md), so a test can mint an expired token or one of
        // another issuer; the defaults fill only what is missing
        if (!claims.containsKey("sub")) {
            builder.subject("dev-user");
        }
        if (!claims.containsKey("iss")) {
            builder.issuer(ISSUER);
        }
        if (!claims.containsKey("exp")) {
            builder.expiresIn(LIFESPAN);
        }
        return new TokenResponse(builder.sign());
    }
}
