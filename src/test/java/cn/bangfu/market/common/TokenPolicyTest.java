package cn.bangfu.market.common;

import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.DevKeys;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Which tokens the service trusts: signed by the issuer, not from the future, living at most 24 hours, with a role. */
@QuarkusTest
class TokenPolicyTest {

    private static String bureauToken(Instant issuedAt, Instant expiresAt) {
        return Jwt.claims().issuer("bangfu-dev").subject("t").groups(Set.of("bureau")).claim("region_code", "000000")
                .issuedAt(issuedAt).expiresAt(expiresAt).sign(DevKeys.privateKey());
    }

    private static int statusWith(String token) {
        return Api.anonymous().header("Authorization", "Bearer " + token).get("/api/v1/regions").statusCode();
    }

    @Test
    void ordinaryTokenIsAccepted() {
        Instant now = Instant.now();
        Api.anonymous().header("Authorization", "Bearer " + bureauToken(now, now.plusSeconds(3600)))
                .get("/api/v1/regions").then().statusCode(200);
    }

    @Inject
    JWTParser parser;

    /** Verifications are reused (VerifiedTokens), but not past the token's exp plus the 60 s skew. */
    @Test
    void aReusedVerificationEndsWithTheToken() throws Exception {
        assertThat(parser).isInstanceOf(VerifiedTokens.class);
        Instant now = Instant.now();
        String token = bureauToken(now.minusSeconds(600), now.minusSeconds(58));
        assertThat(statusWith(token)).isEqualTo(200);
        assertThat(statusWith(token)).isEqualTo(200);
        Thread.sleep(3_000);
        assertThat(statusWith(token)).isEqualTo(401);
    }

    @Test
    void tokenIssuedInTheFutureIsRefused() {
        Instant now = Instant.now();
        // within the 60 s clock skew: accepted
        Api.anonymous().header("Authorization", "Bearer " + bureauToken(now.plusSeconds(30), now.plusSeconds(3600)))
                .get("/api/v1/regions").then().statusCode(200);
        Api.anonymous().header("Authorization", "Bearer " + bureauToken(now.plusSeconds(600), now.plusSeconds(3600)))
                .get("/api/v1/regions").then().statusCode(401).body("status", equalTo(401));
        Api.anonymous().header("Authorization", "Bearer " + bureauToken(now.plusSeconds(86_400 * 365),
                        now.plusSeconds(86_400 * 365 + 3600)))
                .get("/api/v1/regions").then().statusCode(401);
    }

    @Test
    void tokenLivingLongerThanADayIsRefused() {
        Instant now = Instant.now();
        Api.anonymous().header("Authorization", "Bearer " + bureauToken(now, now.plusSeconds(86_400)))
                .get("/api/v1/regions").then().statusCode(200);
        Api.anonymous().header("Authorization", "Bearer " + bureauToken(now, now.plusSeconds(86_400 + 120)))
                .get("/api/v1/regions").then().statusCode(401).body("status", equalTo(401));
        Api.anonymous().header("Authorization", "Bearer " + bureauToken(now.minusSeconds(86_400 * 30),
                        now.plusSeconds(86_400 * 300)))
                .get("/api/v1/regions").then().statusCode(401);
    }

    @Test
    void tokenWithoutAKnownRoleIsForbiddenEverywhereButTheCatalogue() {
        Fixtures.standardRegions();
        Instant now = Instant.now();
        String roleless = Jwt.claims().issuer("bangfu-dev").subject("t").groups(Set.of("auditor", "admin"))
                .claim("region_code", "000000").claim("buyer_id", 1).claim("cooperative_id", 1)
                .issuedAt(now).expiresAt(now.plusSeconds(3600)).sign(DevKeys.privateKey());
        for (String path : List.of("/api/v1/regions", "/api/v1/regions/620826", "/api/v1/cooperatives",
                "/api/v1/cooperatives/1", "/api/v1/agreements/1", "/api/v1/orders", "/api/v1/households",
                "/api/v1/contributions", "/api/v1/reports/agreements", "/api/v1/buyers/1",
                "/api/v1/exports/household-income?regionCode=620826")) {
            Api.anonymous().header("Authorization", "Bearer " + roleless).get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        Api.anonymous().header("Authorization", "Bearer " + roleless).get("/api/v1/products").then().statusCode(200);
        // who may call comes before what the call says: a malformed parameter is the caller's 400 only
        Api.anonymous().header("Authorization", "Bearer " + roleless).queryParam("villageCode", "abc")
                .get("/api/v1/households").then().statusCode(403).contentType("application/problem+json");
        Api.anonymous().queryParam("villageCode", "abc").get("/api/v1/households").then().statusCode(401);
        Api.asNationalBureau().queryParam("villageCode", "abc").get("/api/v1/households").then().statusCode(400)
                .body("violations[0].field", equalTo("villageCode"));
    }

    @Test
    void unsignedOrForeignTokensAreRefused() {
        Instant now = Instant.now();
        String otherIssuer = Jwt.claims().issuer("someone-else").groups(Set.of("bureau")).claim("region_code", "000000")
                .issuedAt(now).expiresAt(now.plusSeconds(3600)).sign(DevKeys.privateKey());
        Api.anonymous().header("Authorization", "Bearer " + otherIssuer).get("/api/v1/regions").then().statusCode(401);
        String none = Jwt.claims().issuer("bangfu-dev").groups(Set.of("bureau")).claim("region_code", "000000")
                .issuedAt(now).expiresAt(now.plusSeconds(3600)).jws().algorithm(
                        io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256).signWithSecret("0123456789abcdef0123456789abcdef");
        Api.anonymous().header("Authorization", "Bearer " + none).get("/api/v1/regions").then().statusCode(401);
    }
}
