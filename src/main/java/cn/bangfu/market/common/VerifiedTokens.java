package cn.bangfu.market.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * smallrye-jwt's parser, remembering the tokens it has verified for
 * {@link TokenTrust#verifiedTokenReuse()}: the same bearer token comes with every request of a
 * client, and each RS256 verification (jose4j, {@code BigInteger} arithmetic) cost more than the
 * order it authorised spent in SQL. Only successful verifications are kept, keyed by the whole
 * token text; a kept token is refused again the moment it expires (its {@code exp} plus the clock
 * skew), just as a fresh verification would. Failures are never kept, so a token that is refused
 * stays refused. The price: a token whose signing key leaves the issuer's JWKS keeps working for at
 * most the reuse period, which is far shorter than the token's own lifetime anyway.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    private static final int LONGEST_KEPT = 4096;

    /** What checks a token in full: smallrye-jwt's own parsing and verification. */
    @FunctionalInterface
    interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final Verifier verifier;
    private final Cache<String, JsonWebToken> verified;
    private final long skewSeconds;
    private final LongSupplier nowSeconds;

    @Inject
    VerifiedTokens(JWTAuthContextInfo context, TokenTrust trust) {
        super(context);
        this.verifier = super::parse;
        this.skewSeconds = trust.clockSkewSeconds();
        this.nowSeconds = () -> System.currentTimeMillis() / 1000;
        this.verified = cache(trust.verifiedTokenReuse(), trust.verifiedTokensKept());
    }

    VerifiedTokens(Verifier verifier, Duration reuse, int kept, long skewSeconds, LongSupplier nowSeconds) {
        this.verifier = verifier;
        this.skewSeconds = skewSeconds;
        this.nowSeconds = nowSeconds;
        this.verified = cache(reuse, kept);
    }

    private static Cache<String, JsonWebToken> cache(Duration reuse, int kept) {
        return reuse.isZero() ? null : Caffeine.newBuilder().maximumSize(kept).expireAfterWrite(reuse).build();
    }

    /** The bearer token of a request, as smallrye-jwt's authentication asks for it; the other methods are the parent's. */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (verified == null || token.length() > LONGEST_KEPT) {
            return verifier.verify(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && nowSeconds.getAsLong() <= known.getExpirationTime() + skewSeconds) {
            return known;
        }
        JsonWebToken fresh = verifier.verify(token); // throws for an expired or otherwise bad token
        verified.put(token, fresh);
        return fresh;
    }
}
