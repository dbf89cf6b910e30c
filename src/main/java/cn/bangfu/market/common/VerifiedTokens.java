package cn.bangfu.market.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
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
public class VerifiedTokens implements JWTParser {

    private static final int LONGEST_KEPT = 4096;

    private final JWTParser verifier;
    private final Cache<String, JsonWebToken> verified;
    private final long skewSeconds;
    private final LongSupplier nowSeconds;

    @Inject
    VerifiedTokens(JWTAuthContextInfo context, TokenTrust trust) {
        this(new DefaultJWTParser(context), trust.verifiedTokenReuse(), trust.verifiedTokensKept(),
                trust.clockSkewSeconds(), () -> System.currentTimeMillis() / 1000);
    }

    VerifiedTokens(JWTParser verifier, Duration reuse, int kept, long skewSeconds, LongSupplier nowSeconds) {
        this.verifier = verifier;
        this.skewSeconds = skewSeconds;
        this.nowSeconds = nowSeconds;
        this.verified = reuse.isZero() ? null : Caffeine.newBuilder().maximumSize(kept).expireAfterWrite(reuse).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (verified == null || token.length() > LONGEST_KEPT) {
            return verifier.parse(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && nowSeconds.getAsLong() <= known.getExpirationTime() + skewSeconds) {
            return known;
        }
        JsonWebToken fresh = verifier.parse(token); // throws for an expired or otherwise bad token
        verified.put(token, fresh);
        return fresh;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
