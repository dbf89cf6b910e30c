package cn.bangfu.market.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * How the console signs bureau staff in, in production (bangfu.console.*): OpenID Connect
 * authorization code with PKCE against the issuer that signs the service's tokens.
 */
@ConfigMapping(prefix = "bangfu.console")
public interface ConsoleConfig {

    /** The issuer (BANGFU_CONSOLE_ISSUER); by default the one the service trusts, mp.jwt.verify.issuer. */
    Optional<String> issuer();

    /** The public client of the realm the console signs in through (BANGFU_CONSOLE_CLIENT_ID). */
    @WithDefault("bangfu-console")
    String clientId();

    /** Relative to the issuer (Keycloak's); another provider names its own (BANGFU_CONSOLE_AUTHORIZATION_PATH). */
    @WithDefault("/protocol/openid-connect/auth")
    String authorizationPath();

    /** Relative to the issuer (BANGFU_CONSOLE_TOKEN_PATH). */
    @WithDefault("/protocol/openid-connect/token")
    String tokenPath();

    /**
     * Relative to the issuer (BANGFU_CONSOLE_LOGOUT_PATH): signing out of the console ends the
     * identity provider's session too, or on a shared office PC the next person would be signed in
     * as the last one without a password.
     */
    @WithDefault("/protocol/openid-connect/logout")
    String logoutPath();
}
