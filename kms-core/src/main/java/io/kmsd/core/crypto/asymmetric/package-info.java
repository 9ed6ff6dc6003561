/**
 * Stateless asymmetric and HMAC primitives (kms-api §3.2, §4.4-§4.6, §4.10): key generation per
 * {@link io.kmsd.core.key.KeySpec}, parsed key handles ({@link AsymmetricKey}, {@link HmacKey}) that the key
 * service caches per material, Sign/Verify, RSA/SM2 Encrypt/Decrypt, ECDH, HMAC, data key pairs and the
 * unwrapping of imported key material. Private material is held in {@link PrivateMaterial}, which never prints
 * its bytes. Nothing here knows key ids, state, usage or storage: the key service checks those first.
 *
 * <p>May import {@code io.kmsd.core.key}, {@code io.kmsd.core.error}, {@code io.kmsd.core.crypto} (for
 * {@code Plaintext}), BouncyCastle and the JDK.
 */
package io.kmsd.core.crypto.asymmetric;
