package io.kmsd.core.crypto.asymmetric;

/** What the {@code Message} of Sign/Verify holds (kms-api §3.2). */
public enum MessageType {
    /** The message itself; the server hashes it. The default. */
    RAW,
    /** The hash of the message, of exactly the algorithm's digest length. */
    DIGEST,
    /** FIPS 204 μ, exactly 64 bytes; ML_DSA_SHAKE_256 only. */
    EXTERNAL_MU
}
