package io.kmsd.core.crypto;

import io.kmsd.core.key.KeyArn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Creates key material and moves it between its stored (wrapped) and usable (unwrapped) forms, so raw
 * material bytes never leave this package. Stored form: AES-256-GCM under the root key with the AAD
 * {@code "kmsd material v1" ‖ 0 ‖ key ARN ‖ 0 ‖ version (u32)} (DESIGN "Storage"). Material id:
 * HMAC-SHA256 under a secret derived from the root key over {@code key id ‖ material} (kms-api §2).
 */
public final class MaterialVault {
    private final RootKeyProvider rootKey;
    private final SecretKeySpec materialIdKey;
    private final SecretKeySpec importTokenKey;

    public MaterialVault(RootKeyProvider rootKey) {
        this.rootKey = rootKey;
        this.materialIdKey = new SecretKeySpec(rootKey.deriveKey("key material id"), "HmacSHA256");
        this.importTokenKey = new SecretKeySpec(rootKey.deriveKey("import token"), "HmacSHA256");
    }

    /**
     * Stores the private half of an import wrapping key pair (kms-api §4.10), bound to the key and the token id
     * by the AAD {@code "kmsd import key v1" ‖ 0 ‖ key ARN ‖ 0 ‖ token id}.
     */
    public byte[] wrapImportKey(KeyArn arn, byte[] tokenId, byte[] pkcs8) {
        return rootKey.wrap(pkcs8, importAad(arn, tokenId));
    }

    /** Reverses {@link #wrapImportKey}; the caller must zero the returned bytes once parsed. */
    public byte[] unwrapImportKey(KeyArn arn, byte[] tokenId, byte[] wrapped) {
        return rootKey.unwrap(wrapped, importAad(arn, tokenId));
    }

    /** HMAC-SHA256 over an import token's body under a key derived from the root key; 32 bytes. */
    public byte[] importTokenTag(byte[] body) {
        return hmac(importTokenKey, body);
    }

    private static byte[] importAad(KeyArn arn, byte[] tokenId) {
        byte[] label = "kmsd import key v1\0".getBytes(StandardCharsets.US_ASCII);
        byte[] name = arn.toString().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(label.length + name.length + 1 + tokenId.length)
                .put(label).put(name).put((byte) 0).put(tokenId).array();
    }

    /** Fresh random material for version {@code version} of the key, with its stored form. */
    public Generated generate(KeyArn arn, int version) {
        byte[] secret = SecureRandoms.bytes(KeyMaterial.MATERIAL_BYTES);
        try {
            byte[] id = materialId(arn, secret);
            byte[] wrapped = rootKey.wrap(secret, aad(arn, version));
            return new Generated(new KeyMaterial(arn.keyId(), version, id, secret), wrapped);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Stores the private material of a non-symmetric key (PKCS#8 or HMAC bytes) exactly as symmetric material
     * is stored: same wrapping, same AAD, same material id. The caller keeps ownership of {@code secret}.
     */
    public WrappedSecret wrapSecret(KeyArn arn, int version, byte[] secret) {
        return new WrappedSecret(HexFormat.of().formatHex(materialId(arn, secret)),
                rootKey.wrap(secret, aad(arn, version)));
    }

    /** Stored form of non-symmetric material: its 64-hex material id and the wrapped bytes. */
    public record WrappedSecret(String materialId, byte[] wrapped) {
        @Override
        public String toString() {
            return "WrappedSecret[" + materialId + "]";
        }
    }

    /**
     * Reverses {@link #wrapSecret}; the caller must zero the returned bytes once parsed. Throws
     * {@link IllegalStateException} like {@link #unwrap} on a mismatch.
     */
    public byte[] unwrapSecret(KeyArn arn, int version, String materialIdHex, byte[] wrapped) {
        byte[] secret = rootKey.unwrap(wrapped, aad(arn, version));
        if (!MessageDigest.isEqual(materialId(arn, secret), HexFormat.of().parseHex(materialIdHex))) {
            Arrays.fill(secret, (byte) 0);
            throw new IllegalStateException("stored material id of " + arn + " v" + version + " does not match");
        }
        return secret;
    }

    /** The material and its stored form; {@code wrapped} is what the database keeps. */
    public record Generated(KeyMaterial material, byte[] wrapped) {
        @Override
        public String toString() {
            return "Generated[" + material + "]";
        }
    }

    /**
     * Unwraps stored material and checks it against its stored id; throws {@link IllegalStateException}
     * if the blob was not wrapped for this key and version or the id does not match.
     */
    public KeyMaterial unwrap(KeyArn arn, int version, String materialIdHex, byte[] wrapped) {
        byte[] secret = rootKey.unwrap(wrapped, aad(arn, version));
        try {
            byte[] id = materialId(arn, secret);
            if (!MessageDigest.isEqual(id, HexFormat.of().parseHex(materialIdHex))) {
                throw new IllegalStateException("stored material id of " + arn + " v" + version + " does not match");
            }
            return new KeyMaterial(arn.keyId(), version, id, secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private byte[] materialId(KeyArn arn, byte[] secret) {
        Mac mac = initialized(materialIdKey);
        mac.update(arn.keyId().value().getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal(secret);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        return initialized(key).doFinal(data);
    }

    private static Mac initialized(SecretKeySpec key) {
        Mac mac = Ciphers.hmacSha256();
        try {
            mac.init(key);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        return mac;
    }

    private static byte[] aad(KeyArn arn, int version) {
        byte[] label = "kmsd material v1\0".getBytes(StandardCharsets.US_ASCII);
        byte[] name = arn.toString().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(label.length + name.length + 1 + 4)
                .put(label).put(name).put((byte) 0).putInt(version).array();
    }
}
