package io.kmsd.audit.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key pair that signs digests, held like the root key: the private key (base64 PKCS#8,
 * one line) in {@code <dataDir>/audit-signing.key}, mode 0600, created on first start; the public
 * key (base64 SubjectPublicKeyInfo) beside it in {@code audit-signing.pub}. The key id is
 * {@code ed25519:} + the first 32 hex digits of SHA-256(SubjectPublicKeyInfo).
 */
public final class DigestKeys {
    public static final String PRIVATE_FILE = "audit-signing.key";
    public static final String PUBLIC_FILE = "audit-signing.pub";
    public static final String ALGORITHM = "Ed25519";

    private DigestKeys() {
    }

    /** Loads the key pair from {@code keyDir}, creating it on first use. */
    public static KeyPair loadOrCreate(Path keyDir) throws IOException {
        Path priv = keyDir.resolve(PRIVATE_FILE);
        Path pub = keyDir.resolve(PUBLIC_FILE);
        if (!Files.exists(priv)) {
            KeyPair pair = generate();
            Files.createDirectories(keyDir);
            writeSecret(priv, encode(pair.getPrivate().getEncoded()));
            writePublic(pub, pair.getPublic());
            return pair;
        }
        PrivateKey privateKey = decodePrivate(Files.readString(priv, StandardCharsets.US_ASCII).trim());
        PublicKey publicKey = readPublic(pub);
        return new KeyPair(publicKey, privateKey);
    }

    public static PublicKey readPublic(Path file) throws IOException {
        return decodePublic(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    public static PublicKey decodePublic(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static String encodePublic(PublicKey key) {
        return encode(key.getEncoded());
    }

    public static String keyId(PublicKey key) {
        return "ed25519:" + ChainHash.sha256(key.getEncoded()).substring(0, 32);
    }

    public static String sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(data);
            return encode(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] data, String signatureBase64) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JDK", e);
        }
    }

    private static PrivateKey decodePrivate(String base64) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the audit signing key file is not an Ed25519 private key", e);
        }
    }

    /** Written to a 0600 temporary file, then moved into place, so the key is never readable by others. */
    private static void writeSecret(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writePublic(Path target, PublicKey key) throws IOException {
        Files.writeString(target, encodePublic(key) + "\n", StandardCharsets.US_ASCII);
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
