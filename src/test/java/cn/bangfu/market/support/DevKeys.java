package cn.bangfu.market.support;

import io.smallrye.jwt.util.KeyUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

/** The development key pair under src/dev/jwt (never packaged). */
public final class DevKeys {

    public static final Path PRIVATE_KEY = Path.of("src/dev/jwt/private.pem").toAbsolutePath();
    public static final Path PUBLIC_KEY = Path.of("src/dev/jwt/public.pem").toAbsolutePath();

    private static PrivateKey privateKey;

    private DevKeys() {
    }

    public static synchronized PrivateKey privateKey() {
        if (privateKey == null) {
            try {
                privateKey = KeyUtils.decodePrivateKey(Files.readString(PRIVATE_KEY));
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the development key " + PRIVATE_KEY, e);
            }
        }
        return privateKey;
    }
}
