package cn.bangfu.market.common;

import io.smallrye.config.ConfigMapping;

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
}
