package io.kmsd.core.crypto.asymmetric;

import static io.kmsd.core.crypto.asymmetric.MessageType.DIGEST;
import static io.kmsd.core.crypto.asymmetric.MessageType.EXTERNAL_MU;
import static io.kmsd.core.crypto.asymmetric.MessageType.RAW;

import java.util.EnumSet;
import java.util.Set;

/** The signing algorithms of kms-api §3.2, with the message types each takes and its digest. */
public enum SigningAlgorithm {
    RSASSA_PSS_SHA_256(Hash.SHA_256, RAW, DIGEST),
    RSASSA_PSS_SHA_384(Hash.SHA_384, RAW, DIGEST),
    RSASSA_PSS_SHA_512(Hash.SHA_512, RAW, DIGEST),
    RSASSA_PKCS1_V1_5_SHA_256(Hash.SHA_256, RAW, DIGEST),
    RSASSA_PKCS1_V1_5_SHA_384(Hash.SHA_384, RAW, DIGEST),
    RSASSA_PKCS1_V1_5_SHA_512(Hash.SHA_512, RAW, DIGEST),
    ECDSA_SHA_256(Hash.SHA_256, RAW, DIGEST),
    ECDSA_SHA_384(Hash.SHA_384, RAW, DIGEST),
    ECDSA_SHA_512(Hash.SHA_512, RAW, DIGEST),
    /** Pure Ed25519 (RFC 8032), RAW only. */
    ED25519_SHA_512(Hash.SHA_512, RAW),
    /** Ed25519ph (RFC 8032), DIGEST only: the 64-byte value still gets Ed25519ph's own SHA-512 pre-hash. */
    ED25519_PH_SHA_512(Hash.SHA_512, DIGEST),
    /** FIPS 204 ML-DSA, empty context, hedged; RAW or EXTERNAL_MU, never DIGEST. */
    ML_DSA_SHAKE_256(null, RAW, EXTERNAL_MU),
    /** SM2 with SM3; RAW uses the distinguishing ID 1234567812345678, DIGEST is e = SM3(Z_A ‖ M). */
    SM2DSA(Hash.SM3, RAW, DIGEST);

    /** FIPS 204 μ is 64 bytes. */
    static final int MU_BYTES = 64;

    private final Hash hash;
    private final Set<MessageType> messageTypes;

    SigningAlgorithm(Hash hash, MessageType first, MessageType... rest) {
        this.hash = hash;
        this.messageTypes = EnumSet.of(first, rest);
    }

    /** Whether Sign/Verify take this message type with this algorithm (kms-api §3.2). */
    public boolean accepts(MessageType type) {
        return messageTypes.contains(type);
    }

    Hash hash() {
        return hash;
    }

    /** kms-api §3.2 and §4.6: the message type must fit the algorithm, a digest or μ must have its exact length. */
    void checkMessage(byte[] message, MessageType type) {
        if (!accepts(type)) {
            throw Failures.messageType(type, this);
        }
        if (type == DIGEST && message.length != hash.length() || type == EXTERNAL_MU && message.length != MU_BYTES) {
            throw Failures.digestLength(this);
        }
    }

    /** The hash that gets signed: the RAW message hashed, or the DIGEST as given. */
    byte[] digestOf(byte[] message, MessageType type) {
        return type == RAW ? hash.digest(message) : message;
    }
}
