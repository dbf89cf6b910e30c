package cn.bangfu.market.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key} rules every retry-safe command shares (orders, income
 * recordings): the key is required and short, and a request is remembered by the
 * SHA-256 of its canonical text, so that a replay (same key, same body) is told
 * from a reuse (same key, other body).
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {
    }

    /** The key as sent; 400 when it is missing, blank or too long. */
    public static String require(String key) {
        if (key == null || key.isBlank()) {
            throw ApiProblem.badRequest("the " + HEADER + " header is required", "必须填写 " + HEADER + " 请求头");
        }
        if (TextRules.longerThan(key, MAX_LENGTH)) {
            throw ApiProblem.badRequest("the " + HEADER + " header is at most " + MAX_LENGTH + " characters",
                    HEADER + " 请求头最多 " + MAX_LENGTH + " 个字符");
        }
        return key;
    }

    /** The 64 hex digits stored beside a key: the fingerprint of the request it was first used for. */
    public static String fingerprint(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 422: the key was first used for another request; {@code what} is a kind of {@link ProblemTexts#kind}. */
    public static ApiProblem reused(String key, String what) {
        return ApiProblem.unprocessable(HEADER + " " + key + " was already used for a different " + what,
                HEADER + " " + key + " 已用于其他" + ProblemTexts.kind(what));
    }
}
