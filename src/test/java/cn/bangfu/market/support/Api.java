package cn.bangfu.market.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** Tokens and request specifications for HTTP tests. */
public final class Api {

    private static final Map<Map<String, Object>, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    /**
     * A token signed with the development key. Signed here rather than through
     * {@code POST /dev/token} so that the same tests also run against the packaged
     * production artifact, which has no such endpoint ({@code DevTokenTest} covers it).
     */
    public static String token(Map<String, Object> claims) {
        return TOKENS.computeIfAbsent(claims, c -> {
            JwtClaimsBuilder builder = Jwt.claims(new HashMap<>(c)).subject("test-user").issuer("bangfu-dev")
                    .expiresIn(Duration.ofHours(1));
            if (c.get("groups") instanceof List<?> groups) {
                builder.groups(groups.stream().map(String::valueOf).collect(Collectors.toSet()));
            }
            return builder.sign(DevKeys.privateKey());
        });
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(Map<String, Object> claims) {
        return anonymous().header("Authorization", "Bearer " + token(claims));
    }

    public static RequestSpecification asBureau(String regionCode) {
        return as(Map.of("groups", List.of("bureau"), "region_code", regionCode));
    }

    public static RequestSpecification asNationalBureau() {
        return asBureau("000000");
    }

    public static RequestSpecification asCooperative(long cooperativeId) {
        return as(Map.of("groups", List.of("cooperative"), "cooperative_id", cooperativeId));
    }

    /** A cooperative recording income under a fresh Idempotency-Key (a new recording each call). */
    public static RequestSpecification recording(long cooperativeId) {
        return asCooperative(cooperativeId).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public static RequestSpecification asBuyer(long buyerId) {
        return as(Map.of("groups", List.of("buyer"), "buyer_id", buyerId));
    }

    static {
        RestAssured.filters(new ResponseRecorder(), OpenApiValidator.live());
    }
}
