package io.kmsd.core.crypto;

import io.kmsd.core.key.KeyId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All materials of one key; the one with the highest version encrypts, every one still decrypts
 * (kms-api §4.4 "non-current materials still decrypt"). Immutable; a rotation builds a new ring.
 */
public final class KeyRing {
    private final KeyId keyId;
    private final List<KeyMaterial> materials;
    private final KeyMaterial current;

    public KeyRing(KeyId keyId, List<KeyMaterial> materials) {
        if (materials.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one material");
        }
        for (KeyMaterial m : materials) {
            if (!m.keyId().equals(keyId)) {
                throw new IllegalArgumentException("material of another key in the ring");
            }
        }
        this.keyId = keyId;
        this.materials = List.copyOf(materials);
        this.current = this.materials.stream().max(Comparator.comparingInt(KeyMaterial::version)).orElseThrow();
    }

    public KeyId keyId() {
        return keyId;
    }

    public KeyMaterial current() {
        return current;
    }

    public List<KeyMaterial> materials() {
        return materials;
    }

    /** The material whose 32-byte id is at {@code offset} in {@code blob}; no allocation. */
    Optional<KeyMaterial> find(byte[] blob, int offset) {
        for (KeyMaterial m : materials) {
            byte[] h = m.header();
            int idStart = h.length - KeyMaterial.MATERIAL_ID_BYTES;
            if (Arrays.equals(h, idStart, h.length, blob, offset, offset + KeyMaterial.MATERIAL_ID_BYTES)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "KeyRing[" + keyId + ", " + materials.size() + " materials]";
    }
}
