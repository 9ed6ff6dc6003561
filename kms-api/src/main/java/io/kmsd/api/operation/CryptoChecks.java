package io.kmsd.api.operation;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeyOperation;
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

    /** State, then usage {@code ENCRYPT_DECRYPT}, then {@code algorithm} (null = default) for the key's spec. */
    static void encryptDecrypt(KeyOperation op, KeyFacts key, String algorithm) {
        KeyMetadata m = key.metadata();
        KeyStateTable.check(op, m.keyState(), m.arn());
        if (m.keyUsage() != KeyUsage.ENCRYPT_DECRYPT) {
            throw new KmsException(KmsError.InvalidKeyUsage, m.arn() + " key usage is " + m.keyUsage()
                    + " which is not valid for " + op.name() + "."); // kms-api §4.0
        }
        if (algorithm != null && !m.keySpec().supports(KeyUsage.ENCRYPT_DECRYPT, algorithm)) {
            throw new KmsException(KmsError.InvalidKeyUsage, "Algorithm " + algorithm
                    + " is incompatible with key spec " + m.keySpec() + "."); // kms-api §4.0
        }
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
