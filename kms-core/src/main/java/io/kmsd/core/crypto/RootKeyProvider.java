package io.kmsd.core.crypto;

/**
 * The root of the key hierarchy: wraps and unwraps key material (AES-256-GCM with the given associated
 * data) and derives service secrets. The root key itself never leaves the provider: no method returns it,
 * and implementations must not log it. Implementations: {@link FileRootKeyProvider}; PKCS#11 later.
 */
public interface RootKeyProvider {

    /** Encrypts {@code secret} under the root key, binding {@code aad}. */
    byte[] wrap(byte[] secret, byte[] aad);

    /** Reverses {@link #wrap}; throws {@link IllegalStateException} if the blob or {@code aad} do not match. */
    byte[] unwrap(byte[] wrapped, byte[] aad);

    /** A 32-byte secret derived from the root key for one named purpose (for example material ids). */
    byte[] deriveKey(String purpose);

    /** Where the root key lives, for logs (never the key). */
    String describe();
}
