package cn.bangfu.market.common;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) a token issued in the future by more than the clock skew: smallrye-jwt
 * checks {@code exp} and, with {@code smallrye.jwt.time-to-live}, that a token lives at
 * most 24 hours from its {@code iat} — but not that {@code iat} is not ahead of us, so a
 * token dated a year ahead would live a year.
 */
@ApplicationScoped
public class IssuedAtCheck implements SecurityIdentityAugmentor {

    private final int clockSkewSeconds;

    IssuedAtCheck(TokenTrust trust) {
        this.clockSkewSeconds = trust.clockSkewSeconds();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt
                && issuedInTheFuture(jwt.getIssuedAtTime(), System.currentTimeMillis() / 1000, clockSkewSeconds)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the token is issued in the future"));
        }
        return Uni.createFrom().item(identity);
    }

    /** A missing {@code iat} (0) is refused earlier by smallrye-jwt, which requires it once a lifetime is set. */
    static boolean issuedInTheFuture(long issuedAtSeconds, long nowSeconds, int skewSeconds) {
        return issuedAtSeconds > nowSeconds + skewSeconds;
    }
}
