package cn.bangfu.market.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller and its scoping claims ({@code region_code},
 * {@code cooperative_id}, {@code buyer_id}). A role without its scoping claim
 * is refused (403): we never guess a scope.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The region a bureau caller governs. */
    public String bureauRegion() {
        String region = claimAsString("region_code");
        if (region == null || region.isBlank()) {
            throw ApiProblem.forbidden("the token carries no region_code claim", "令牌中没有 region_code 声明");
        }
        return region.trim();
    }

    /** The cooperative a cooperative caller acts for. */
    public long cooperativeId() {
        return requiredId("cooperative_id");
    }

    /** The buyer a buyer caller acts for. */
    public long buyerId() {
        return requiredId("buyer_id");
    }

    /**
     * Who the caller is, as the ledger records it (recordedBy): the token's {@code sub}.
     * A token without one is refused (403): a ledger row always names who wrote it.
     */
    public String subject() {
        String sub = jwt == null || identity.isAnonymous() ? null : jwt.getSubject();
        if (sub == null || sub.isBlank()) {
            throw ApiProblem.forbidden("the token carries no sub claim: the ledger records who acts",
                    "令牌中没有 sub 声明：台账要记录操作人");
        }
        if (sub.length() > 255) {
            throw ApiProblem.forbidden("the token's sub claim is longer than 255 characters",
                    "令牌的 sub 声明超过 255 个字符");
        }
        return sub;
    }

    /** True when the caller is the cooperative with this id. */
    public boolean actsForCooperative(long id) {
        Long claimed = parseId(claimAsString("cooperative_id"));
        return is(Roles.COOPERATIVE) && claimed != null && claimed == id;
    }

    private long requiredId(String claim) {
        Long id = parseId(claimAsString(claim));
        if (id == null) {
            throw ApiProblem.forbidden("the token carries no valid " + claim + " claim", "令牌中没有有效的 " + claim + " 声明");
        }
        return id;
    }

    private static Long parseId(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String claimAsString(String name) {
        if (jwt == null || identity.isAnonymous()) {
            return null;
        }
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.isIntegral() ? Long.toString(n.longValue()) : n.toString();
        }
        return value.toString();
    }
}
