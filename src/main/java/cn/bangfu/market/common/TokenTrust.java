package cn.bangfu.market.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * What tokens are trusted: smallrye-jwt's own {@code mp.jwt.verify.*} settings (environment
 * variables {@code MP_JWT_VERIFY_ISSUER}, {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}), which
 * {@code application.properties} expands into {@code bangfu.token-trust.*} with no default.
 * Configuration mappings are checked before anything starts, so a production start without
 * an issuer or a public key fails at once, naming the missing setting, instead of trusting
 * a development default. The dev and test profiles set the development issuer and key.
 */
@ConfigMapping(prefix = "bangfu.token-trust")
public interface TokenTrust {

    /** The expected {@code iss}. */
    String issuer();

    /** Path or URL of the issuer's public key (PEM or JWKS). */
    String publicKeyLocation();

    /** Seconds of clock difference tolerated on {@code exp}, {@code nbf} and {@code iat}. */
    int clockSkewSeconds();

    /**
     * How long a verified token is reused without verifying its signature again (it is still
     * refused once expired). A client sends the same token with every request for up to an
     * hour, and an RS256 verification was about a tenth of an order's CPU. 0 turns it off.
     */
    @WithDefault("60s")
    Duration verifiedTokenReuse();

    /** How many verified tokens are kept at most; a token longer than 4,096 characters is never kept. */
    @WithDefault("10000")
    int verifiedTokensKept();
}
