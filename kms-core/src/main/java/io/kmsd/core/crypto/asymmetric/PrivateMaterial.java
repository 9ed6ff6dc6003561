package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.key.KeySpec;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The private half of one key, in the form that gets wrapped and stored: PKCS#8 DER for asymmetric specs, the
 * raw key bytes for HMAC specs (and the 32 AES bytes for an imported symmetric key). It never prints its bytes,
 * compares in constant time and hands out copies only.
 */
public final class PrivateMaterial {
    private final KeySpec spec;
    private final byte[] encoded;

    private PrivateMaterial(KeySpec spec, byte[] encoded) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.encoded = encoded;
    }

    /** Material of {@code spec} holding a copy of {@code encoded}; parse it to check that it fits the spec. */
    public static PrivateMaterial of(KeySpec spec, byte[] encoded) {
        return new PrivateMaterial(spec, encoded.clone());
    }

    /** Takes ownership of an array this package created (no copy). */
    static PrivateMaterial adopt(KeySpec spec, byte[] encoded) {
        return new PrivateMaterial(spec, encoded);
    }

    public KeySpec spec() {
        return spec;
    }

    /** A copy of the encoded material: this is what the key service wraps under the root key. */
    public byte[] encoded() {
        return encoded.clone();
    }

    public int length() {
        return encoded.length;
    }

    /** The same bytes as a plaintext, e.g. GenerateDataKeyPair's {@code PrivateKeyPlaintext}. */
    public Plaintext toPlaintext() {
        return Plaintext.of(encoded);
    }

    /** The bytes without a copy, for this package's parsers only. */
    byte[] unsafeBytes() {
        return encoded;
    }

    /** Overwrites the bytes with zeros; the caller is done with them. */
    public void destroy() {
        Arrays.fill(encoded, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivateMaterial other && spec == other.spec
                && MessageDigest.isEqual(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return spec.hashCode(); // content must not leak through hashes
    }

    @Override
    public String toString() {
        return "PrivateMaterial[" + spec + ", " + encoded.length + " bytes]";
    }
}
