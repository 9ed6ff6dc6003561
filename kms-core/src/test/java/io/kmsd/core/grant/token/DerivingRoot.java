package io.kmsd.core.grant.token;

import io.kmsd.core.crypto.RootKeyProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A root key held in memory that only derives secrets (what grant tokens need); tests only. */
final class DerivingRoot implements RootKeyProvider {
    private final SecretKeySpec key;

    DerivingRoot(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    static DerivingRoot random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new DerivingRoot(key);
    }

    @Override
    public byte[] wrap(byte[] secret, byte[] aad) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] aad) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] deriveKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String describe() {
        return "in-memory test root";
    }
}
