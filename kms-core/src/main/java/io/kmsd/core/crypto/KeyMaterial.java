package io.kmsd.core.crypto;

import io.kmsd.core.key.KeyId;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;

/**
 * One unwrapped 256-bit AES key of one key, with its version and material id. The key bytes are readable
 * only inside this package; the object never prints them and has no serialised form. It also holds the
 * constant ciphertext header ({@code version ‖ L ‖ key id ‖ material id}) so Encrypt only copies it.
 */
public final class KeyMaterial {
    static final int MATERIAL_BYTES = 32;
    static final int MATERIAL_ID_BYTES = 32;

    private final KeyId keyId;
    private final int version;
    private final String materialIdHex;
    private final SecretKeySpec key;
    private final byte[] header;

    KeyMaterial(KeyId keyId, int version, byte[] materialId, byte[] secret) {
        if (secret.length != MATERIAL_BYTES || materialId.length != MATERIAL_ID_BYTES) {
            throw new IllegalArgumentException("material must be 32 bytes with a 32-byte id");
        }
        this.keyId = keyId;
        this.version = version;
        this.materialIdHex = HexFormat.of().formatHex(materialId);
        this.key = new SecretKeySpec(secret, "AES");
        this.header = SymmetricCiphertext.header(keyId.value().getBytes(StandardCharsets.US_ASCII), materialId);
    }

    public KeyId keyId() {
        return keyId;
    }

    /** 1 for the material created with the key; rotation adds higher versions. */
    public int version() {
        return version;
    }

    /** The key material id of kms-api §2: 64 lowercase hex digits. */
    public String materialId() {
        return materialIdHex;
    }

    SecretKeySpec key() {
        return key;
    }

    byte[] header() {
        return header;
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + keyId + " v" + version + " " + materialIdHex + "]";
    }
}
