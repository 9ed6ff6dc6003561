package io.kmsd.api.operation;

import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.core.crypto.asymmetric.MessageType;
import io.kmsd.core.crypto.asymmetric.SigningAlgorithm;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeyUsage;
import java.util.List;

/**
 * The path Sign and Verify share up to the core call (kms-api §1.4, §4.6): the request facts
 * ({@code kms:SigningAlgorithm}, {@code kms:MessageType}), authorization, state, usage {@code SIGN_VERIFY}, the
 * algorithm against the spec, the message type and digest length (§3.2), then DryRun. Core repeats the checks
 * on the real call with the same messages; running them here lets a DryRun fail as the real call would.
 */
final class Signatures {
    /** FIPS 204 μ (kms-api §3.2 EXTERNAL_MU). */
    private static final int MU_BYTES = 64;

    private Signatures() {
    }

    /** The members Sign and Verify share. */
    interface Request {
        String keyId();

        Blob message();

        String messageType();

        String signingAlgorithm();

        List<String> grantTokens();

        Boolean dryRun();
    }

    /** The members both requests start with, in the model's order: KeyId, Message, MessageType. */
    static void validate(Violations v, Request r) {
        Shapes.keyId(v, "keyId", r.keyId(), true);
        Shapes.message(v, r.message());
        v.oneOf("messageType", r.messageType(), Shapes.MESSAGE_TYPE);
    }

    /** Authorizes {@code action} and runs every check before execution; returns the key. */
    static KeyFacts check(KeyAccess access, Call call, Request r, KeyOperation op, String action) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_ARN_OR_ALIAS, action, call.facts()
                .withGrantTokens(r.grantTokens()).with(new OperationFacts.Signing(r.signingAlgorithm(),
                        type(r).name())));
        CryptoChecks.usage(op, key, KeyUsage.SIGN_VERIFY, r.signingAlgorithm());
        checkMessage(algorithm(r), type(r), r.message().length());
        CryptoChecks.stopIfDryRun(r.dryRun());
        return key;
    }

    static SigningAlgorithm algorithm(Request r) {
        return SigningAlgorithm.valueOf(r.signingAlgorithm());
    }

    /** {@code MessageType}, RAW when not given (kms-api §4.6). */
    static MessageType type(Request r) {
        return r.messageType() == null ? MessageType.RAW : MessageType.valueOf(r.messageType());
    }

    /** kms-api §3.2: the type must fit the algorithm; a digest or μ must have its exact length (core's messages). */
    static void checkMessage(SigningAlgorithm algorithm, MessageType type, int length) {
        if (!algorithm.accepts(type)) {
            throw KmsException.validation("Message type " + type + " is incompatible with algorithm " + algorithm
                    + ".");
        }
        int expected = type == MessageType.EXTERNAL_MU ? MU_BYTES : type == MessageType.DIGEST
                ? digestLength(algorithm) : length;
        if (length != expected) {
            throw KmsException.validation("Digest is invalid length for algorithm " + algorithm + "."); // §4.6
        }
    }

    /** SHA-256 and SM3 give 32 bytes, SHA-384 48, SHA-512 (also Ed25519ph's) 64. */
    private static int digestLength(SigningAlgorithm algorithm) {
        String name = algorithm.name();
        return name.endsWith("_384") ? 48 : name.endsWith("_512") ? 64 : 32;
    }
}
