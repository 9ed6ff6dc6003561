package io.kmsd.api.bench;

import java.util.Base64;

/**
 * What the request bodies are made of: the key, the plaintext payload and (for Decrypt/ReEncrypt) one ciphertext
 * of it. Made once before the loop; every request of an operation sends the same body.
 *
 * @param keyId      key id, ARN or alias; null when no operation needs a key
 * @param plaintext  the payload Encrypt sends
 * @param ciphertext one CiphertextBlob of the payload; null when no operation needs one
 * @param signer     the signing key and algorithm of Sign; null when no operation signs
 */
record Fixture(String keyId, byte[] plaintext, byte[] ciphertext, Signer signer) {

    /** A SIGN_VERIFY key and the algorithm Sign uses with it (the first the key lists). */
    record Signer(String keyId, String algorithm) {
    }

    Fixture(String keyId, byte[] plaintext, byte[] ciphertext) {
        this(keyId, plaintext, ciphertext, null);
    }

    Fixture {
        if (plaintext == null || plaintext.length == 0) {
            throw new IllegalArgumentException("plaintext must not be empty");
        }
    }

    int plaintextBytes() {
        return plaintext.length;
    }

    String plaintextBase64() {
        return Base64.getEncoder().encodeToString(plaintext);
    }

    @Override
    public Signer signer() {
        if (signer == null) {
            throw new IllegalStateException("no signing key was prepared");
        }
        return signer;
    }

    String ciphertextBase64() {
        if (ciphertext == null) {
            throw new IllegalStateException("no ciphertext was prepared");
        }
        return Base64.getEncoder().encodeToString(ciphertext);
    }

    Fixture withKey(String newKeyId) {
        return new Fixture(newKeyId, plaintext, ciphertext, signer);
    }

    Fixture withCiphertext(byte[] blob) {
        return new Fixture(keyId, plaintext, blob, signer);
    }

    Fixture withSigner(Signer newSigner) {
        return new Fixture(keyId, plaintext, ciphertext, newSigner);
    }

    @Override
    public String toString() {
        return "Fixture[key=" + keyId + ", plaintext " + plaintext.length + " bytes]";
    }
}
