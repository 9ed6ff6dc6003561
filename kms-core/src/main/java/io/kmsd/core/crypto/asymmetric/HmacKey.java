package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A parsed HMAC key (kms-api §4.6 GenerateMac/VerifyMac): immutable and thread-safe, so the key service can
 * cache one per material. MACs are RFC 2104 HMAC with the spec's hash; the MAC is as long as the hash.
 */
public final class HmacKey {
    private final MacAlgorithm algorithm;
    private final SecretKeySpec key;

    private HmacKey(MacAlgorithm algorithm, SecretKeySpec key) {
        this.algorithm = algorithm;
        this.key = key;
    }

    /**
     * The handle for HMAC material; {@code IncorrectKeyMaterialException} if its length is outside the spec's
     * range (kms-api §3.2), {@code IllegalArgumentException} if the spec is not an HMAC spec.
     */
    public static HmacKey parse(PrivateMaterial material) {
        MacAlgorithm algorithm = MacAlgorithm.of(material.spec());
        if (!algorithm.acceptsImportedLength(material.length())) {
            throw Failures.incorrectMaterial(material.spec());
        }
        return new HmacKey(algorithm, new SecretKeySpec(material.unsafeBytes(), algorithm.jdkName()));
    }

    /** Fresh random material for an HMAC spec: as many bytes as the hash has. */
    static PrivateMaterial generate(KeySpec spec) {
        MacAlgorithm algorithm = MacAlgorithm.of(spec);
        return PrivateMaterial.adopt(spec, Randomness.bytes(algorithm.generatedKeyBytes()));
    }

    public KeySpec spec() {
        return algorithm.spec();
    }

    /** kms-api §4.6 GenerateMac; the algorithm must be the spec's own, else {@code InvalidKeyUsageException}. */
    public byte[] generateMac(MacAlgorithm requested, byte[] message) {
        if (requested != algorithm) {
            throw Failures.incompatible(requested.name(), algorithm.spec());
        }
        return mac(algorithm, key, message);
    }

    /** kms-api §4.6 VerifyMac: constant-time compare; a mismatch is {@code KMSInvalidMacException} (empty). */
    public void verifyMac(MacAlgorithm requested, byte[] message, byte[] mac) {
        byte[] expected = generateMac(requested, message);
        if (!MessageDigest.isEqual(expected, mac)) {
            throw Failures.invalidMac();
        }
    }

    /** HMAC of {@code message} under any key, with this thread's Mac instance. */
    static byte[] mac(MacAlgorithm algorithm, SecretKeySpec key, byte[] message) {
        Mac mac = algorithm.mac();
        try {
            mac.init(key);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC key rejected", e);
        }
        return mac.doFinal(message);
    }

    @Override
    public String toString() {
        return "HmacKey[" + algorithm.spec() + "]";
    }
}
