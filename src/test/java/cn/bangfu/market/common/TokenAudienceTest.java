package cn.bangfu.market.common;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.DevKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** With {@code MP_JWT_VERIFY_AUDIENCES} set, a token must be meant for this service. */
@QuarkusTest
@TestProfile(TokenAudienceTest.WithAudience.class)
class TokenAudienceTest {

    public static class WithAudience implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.audiences", "bangfu-market");
        }
    }

    private static String token(String audience) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.claims().issuer("bangfu-dev").subject("t").groups(Set.of("bureau"))
                .claim("region_code", "000000").issuedAt(now).expiresAt(now.plusSeconds(3600));
        if (audience != null) {
            claims.audience(audience);
        }
        return claims.sign(DevKeys.privateKey());
    }

    @Test
    void onlyTokensForThisServiceAreAccepted() {
        Api.anonymous().header("Authorization", "Bearer " + token("bangfu-market")).get("/api/v1/regions")
                .then().statusCode(200);
        Api.anonymous().header("Authorization", "Bearer " + token("another-service")).get("/api/v1/regions")
                .then().statusCode(401);
        Api.anonymous().header("Authorization", "Bearer " + token(null)).get("/api/v1/regions").then().statusCode(401);
    }
}
