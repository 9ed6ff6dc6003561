package io.kmsd.core.crypto.asymmetric;

/** The key agreement algorithms of kms-api §3.2. */
public enum KeyAgreementAlgorithm {
    /** Cofactor ECDH; the shared secret is the x-coordinate of the shared point (32/48/66 B). */
    ECDH
}
