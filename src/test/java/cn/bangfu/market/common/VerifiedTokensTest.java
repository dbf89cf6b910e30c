package cn.bangfu.market.common;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What reusing a verification may and may not do: framework-free, with a counting verifier and a set clock. */
class VerifiedTokensTest {

    /** Verifies the tokens it was told are good (each with its exp) and counts the verifications. */
    static final class CountingVerifier implements VerifiedTokens.Verifier {
        final Map<String, Long> goodUntil;
        final AtomicLong now;
        final List<String> verified = new ArrayList<>();

        CountingVerifier(Map<String, Long> goodUntil, AtomicLong now) {
            this.goodUntil = goodUntil;
            this.now = now;
        }

        @Override
        public JsonWebToken verify(String token) throws ParseException {
            verified.add(token);
            Long exp = goodUntil.get(token);
            if (exp == null || now.get() > exp + 60) {
                throw new ParseException("bad or expired");
            }
            return (JsonWebToken) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{JsonWebToken.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getExpirationTime" -> exp;
                        case "getName" -> token;
                        default -> null;
                    });
        }
    }

    final AtomicLong now = new AtomicLong(1_000_000);
    final CountingVerifier verifier = new CountingVerifier(Map.of("good", 1_000_100L), now);

    @Test
    void aGoodTokenIsVerifiedOnceAndRefusedOnceExpired() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Duration.ofHours(1), 100, 60, now::get);
        assertThat(tokens.parse("good").getName()).isEqualTo("good");
        assertThat(tokens.parse("good").getName()).isEqualTo("good");
        assertThat(verifier.verified).containsExactly("good");

        now.set(1_000_100 + 60); // the last second of exp + skew: still good, still reused
        tokens.parse("good");
        assertThat(verifier.verified).hasSize(1);

        now.set(1_000_100 + 61); // past it: verified afresh, and refused
        assertThatThrownBy(() -> tokens.parse("good")).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).hasSize(2);
    }

    @Test
    void refusalsAreNeverKept() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Duration.ofHours(1), 100, 60, now::get);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.parse("good-but-tampered")).isInstanceOf(ParseException.class);
        }
        assertThat(verifier.verified).hasSize(3);
    }

    @Test
    void zeroReuseAndLongTokensAlwaysVerify() throws Exception {
        VerifiedTokens off = new VerifiedTokens(verifier, Duration.ZERO, 100, 60, now::get);
        off.parse("good");
        off.parse("good");
        assertThat(verifier.verified).hasSize(2);

        String longToken = "x".repeat(4097);
        CountingVerifier longOne = new CountingVerifier(Map.of(longToken, 1_000_100L), now);
        VerifiedTokens on = new VerifiedTokens(longOne, Duration.ofHours(1), 100, 60, now::get);
        on.parse(longToken);
        on.parse(longToken);
        assertThat(longOne.verified).hasSize(2);
    }
}
