package io.kmsd.core.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * Per-thread Cipher and Mac instances: {@code getInstance} is slow and the instances are not thread-safe,
 * so each request thread keeps its own and re-initialises it per request.
 */
final class Ciphers {
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> instance("AES/GCM/NoPadding"));
    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(Ciphers::hmacInstance);

    private Ciphers() {
    }

    static Cipher aesGcm() {
        return AES_GCM.get();
    }

    static Mac hmacSha256() {
        return HMAC_SHA256.get();
    }

    private static Cipher instance(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " unavailable", e);
        }
    }

    private static Mac hmacInstance() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
