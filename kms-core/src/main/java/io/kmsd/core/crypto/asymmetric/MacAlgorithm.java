package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;

/** The HMAC algorithms of kms-api §3.2; each belongs to exactly one HMAC key spec. */
public enum MacAlgorithm {
    HMAC_SHA_224("HmacSHA224", KeySpec.HMAC_224, 28, 64),
    HMAC_SHA_256("HmacSHA256", KeySpec.HMAC_256, 32, 64),
    HMAC_SHA_384("HmacSHA384", KeySpec.HMAC_384, 48, 128),
    HMAC_SHA_512("HmacSHA512", KeySpec.HMAC_512, 64, 128);

    private final String jdkName;
    private final KeySpec spec;
    private final int generatedKeyBytes;
    private final int maxImportedKeyBytes;
    private final ThreadLocal<Mac> macs;

    MacAlgorithm(String jdkName, KeySpec spec, int generatedKeyBytes, int maxImportedKeyBytes) {
        this.jdkName = jdkName;
        this.spec = spec;
        this.generatedKeyBytes = generatedKeyBytes;
        this.maxImportedKeyBytes = maxImportedKeyBytes;
        this.macs = ThreadLocal.withInitial(() -> newMac(jdkName));
    }

    /** The one algorithm of an HMAC spec. */
    static MacAlgorithm of(KeySpec spec) {
        for (MacAlgorithm a : values()) {
            if (a.spec == spec) {
                return a;
            }
        }
        throw new IllegalArgumentException(spec + " is not an HMAC key spec");
    }

    KeySpec spec() {
        return spec;
    }

    String jdkName() {
        return jdkName;
    }

    /** kms-api §3.2: generated keys are as long as the hash (28/32/48/64 B). */
    int generatedKeyBytes() {
        return generatedKeyBytes;
    }

    /** kms-api §3.2: imported keys are 28–64 / 32–64 / 48–128 / 64–128 B. */
    boolean acceptsImportedLength(int length) {
        return length >= generatedKeyBytes && length <= maxImportedKeyBytes;
    }

    /** This thread's Mac instance; the caller re-initialises it with its key. */
    Mac mac() {
        return macs.get();
    }

    private static Mac newMac(String name) {
        try {
            return Mac.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " unavailable", e);
        }
    }
}
