package io.kmsd.api.operation;

import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRecipient;
import io.kmsd.core.error.KmsException;
import java.util.List;

/**
 * The DryRun rules of kms-api §4.0 shared by Decrypt and ReEncrypt: {@code IGNORE_CIPHERTEXT} only with
 * {@code DryRun}; then the blob may be omitted and the key id becomes required. And {@code Recipient}, which
 * this server refuses (§7: no enclaves to attest).
 */
final class DryRuns {
    static final String IGNORE_CIPHERTEXT = "IGNORE_CIPHERTEXT";

    private DryRuns() {
    }

    /** The blob is required unless IGNORE_CIPHERTEXT is asked for, and then the key id is. */
    static void requireBlobOrKey(Violations v, String blobPath, Blob blob, String keyPath, String keyId,
                                 List<String> modifiers) {
        if (modifiers != null && modifiers.contains(IGNORE_CIPHERTEXT)) {
            v.required(keyPath, keyId);
        } else {
            v.required(blobPath, blob);
        }
    }

    static boolean ignoreCiphertext(Boolean dryRun, List<String> modifiers) {
        boolean ignore = modifiers != null && modifiers.contains(IGNORE_CIPHERTEXT);
        if (ignore && !Boolean.TRUE.equals(dryRun)) {
            throw KmsException.validation("DryRunModifiers can only be used when DryRun is true.");
        }
        return ignore;
    }

    static void refuseRecipient(WireRecipient recipient) {
        if (recipient != null) {
            throw KmsException.validation("Recipient is not supported: this server has no Nitro Enclaves to attest.");
        }
    }
}
