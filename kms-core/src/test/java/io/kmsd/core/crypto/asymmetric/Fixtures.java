package io.kmsd.core.crypto.asymmetric;

import io.kmsd.core.key.KeySpec;
import java.security.Provider;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Keys shared by the tests of this package, generated once per JVM (RSA 4096 takes seconds), and small helpers.
 * BouncyCastle's JCA provider is used as an object only (never registered), for curves the JDK lacks.
 */
final class Fixtures {
    static final Provider BC = new BouncyCastleProvider();
    private static final Map<KeySpec, PrivateMaterial> FIRST = new ConcurrentHashMap<>();
    private static final Map<KeySpec, PrivateMaterial> SECOND = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** All asymmetric specs, in the spec table's order. */
    static List<KeySpec> asymmetricSpecs() {
        return Arrays.stream(KeySpec.values()).filter(s -> s.keyClass() == KeySpec.KeyClass.ASYMMETRIC).toList();
    }

    static PrivateMaterial material(KeySpec spec) {
        return FIRST.computeIfAbsent(spec, MaterialGenerator::generate);
    }

    /** A second, different key of the same spec. */
    static PrivateMaterial otherMaterial(KeySpec spec) {
        return SECOND.computeIfAbsent(spec, MaterialGenerator::generate);
    }

    static AsymmetricKey key(KeySpec spec) {
        return AsymmetricKey.parse(material(spec));
    }

    static AsymmetricKey otherKey(KeySpec spec) {
        return AsymmetricKey.parse(otherMaterial(spec));
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] flipBit(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    static byte[] bytes(int n, int fill) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) fill);
        return out;
    }
}
