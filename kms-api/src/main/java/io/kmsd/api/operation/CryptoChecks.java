package io.kmsd.api.operation;

import io.kmsd.core.crypto.asymmetric.EncryptionAlgorithm;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyStateTable;
import io.kmsd.core.key.KeyUsage;

/**
 * The checks of kms-api §1.4 between authorization and execution, in its order: key state (the one §3.4
 * table), key usage, algorithm — then DryRun. Core repeats state and usage on the real call; running them here
 * keeps the order when the algorithm is wrong too, and lets a DryRun stop after them.
 */
final class CryptoChecks {
    static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";

    private CryptoChecks() {
    }

    /**
     * State, then usage {@code ENCRYPT_DECRYPT}, then {@code algorithm} (null = SYMMETRIC_DEFAULT, which
     * asymmetric keys do not take: they need one of their own, kms-api §4.4) for the key's spec.
     */
    static void encryptDecrypt(KeyOperation op, KeyFacts key, String algorithm) {
        usage(op, key, KeyUsage.ENCRYPT_DECRYPT, algorithmOrDefault(algorithm));
    }

    /** State, then {@code required} usage, then {@code algorithm} among the spec's for that usage (§1.4, §4.0). */
    static void usage(KeyOperation op, KeyFacts key, KeyUsage required, String algorithm) {
        KeyMetadata m = key.metadata();
        KeyStateTable.check(op, m.keyState(), m.arn());
        if (m.keyUsage() != required) {
            throw wrongUsage(m, op);
        }
        if (!m.keySpec().supports(required, algorithm)) {
            throw new KmsException(KmsError.InvalidKeyUsage, "Algorithm " + algorithm
                    + " is incompatible with key spec " + m.keySpec() + "."); // kms-api §4.0
        }
    }

    /**
     * kms-api §1.4, §4.4: a plaintext above an asymmetric algorithm's limit fails before DryRun, in core's words.
     * Runs after {@link #encryptDecrypt}, so the algorithm belongs to the key's spec.
     */
    static void plaintextFits(KeyFacts key, String algorithm, int length) {
        KeySpec spec = key.metadata().keySpec();
        if (spec.keyClass() != KeySpec.KeyClass.ASYMMETRIC) {
            return;
        }
        int max = EncryptionAlgorithm.valueOf(algorithm).maxPlaintext(spec);
        if (length > max) {
            throw KmsException.validation("Algorithm " + algorithm + " and key spec " + spec
                    + " cannot encrypt data larger than " + max + " bytes.");
        }
    }

    /** GenerateDataKey*, GenerateDataKeyPair*: a symmetric encryption key only (kms-api §4.5), as core says. */
    static void symmetric(KeyOperation op, KeyFacts key) {
        KeyMetadata m = key.metadata();
        KeyStateTable.check(op, m.keyState(), m.arn());
        if (m.keyUsage() != KeyUsage.ENCRYPT_DECRYPT || m.keySpec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw wrongUsage(m, op);
        }
    }

    private static KmsException wrongUsage(KeyMetadata m, KeyOperation op) {
        return new KmsException(KmsError.InvalidKeyUsage, m.arn() + " key usage is " + m.keyUsage()
                + " which is not valid for " + op.name() + "."); // kms-api §4.0
    }

    /** kms-api §4.0 DryRun: every check passed, nothing is executed. */
    static void stopIfDryRun(Boolean dryRun) {
        if (Boolean.TRUE.equals(dryRun)) {
            throw new KmsException(KmsError.DryRunOperation,
                    "The request would have succeeded, but the DryRun option is set.");
        }
    }

    /** The algorithm a response names: the one requested, else the symmetric default. */
    static String algorithmOrDefault(String algorithm) {
        return algorithm == null ? SYMMETRIC_DEFAULT : algorithm;
    }
}
