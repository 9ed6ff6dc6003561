package io.kmsd.core.key;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one operation × key-state table of kms-api §3.4. Every core operation on a key calls
 * {@link #check}; nothing else in the code base throws DisabledException or a state KMSInvalidStateException.
 *
 * <p>Each row lists the outcome per state in the spec's column order
 * {@code Enabled Disabled PendingDeletion PendingImport Unavailable Creating Updating}
 * (PendingReplicaDeletion shares the PendingDeletion column). Codes as in the spec:
 * {@code ok} allowed, {@code D} disabled, {@code P} pending deletion, {@code N} not pending deletion,
 * {@code I} pending import, {@code U} unavailable, {@code C} creating, {@code Up} updating,
 * {@code O} UnsupportedOperation. The spec's "—" (cannot happen for that key type) is written as the
 * state's own KMSInvalidState code.
 */
public final class KeyStateTable {
    private enum Outcome { ok, D, P, N, I, U, C, Up, O }

    private static final Map<KeyOperation, Outcome[]> ROWS = new EnumMap<>(KeyOperation.class);

    static {
        row("ok D  P  I  U  C  ok", KeyOperation.Encrypt, KeyOperation.Decrypt, KeyOperation.ReEncrypt,
                KeyOperation.GenerateDataKey, KeyOperation.GenerateDataKeyWithoutPlaintext,
                KeyOperation.GenerateDataKeyPair, KeyOperation.GenerateDataKeyPairWithoutPlaintext,
                KeyOperation.Sign, KeyOperation.Verify, KeyOperation.GenerateMac, KeyOperation.VerifyMac,
                KeyOperation.DeriveSharedSecret);
        row("ok D  P  I  U  C  ok", KeyOperation.GetPublicKey); // "—" for Unavailable; kms-api §7: D on Disabled
        row("ok D  P  I  ok C  ok", KeyOperation.CreateGrant);
        row("ok ok ok ok ok ok ok", KeyOperation.DescribeKey, KeyOperation.GetKeyLastUsage,
                KeyOperation.GetKeyPolicy, KeyOperation.PutKeyPolicy, KeyOperation.ListKeyPolicies,
                KeyOperation.ListGrants, KeyOperation.ListResourceTags, KeyOperation.ListAliases,
                KeyOperation.DeleteAlias, KeyOperation.RetireGrant, KeyOperation.RevokeGrant);
        row("ok ok P  ok ok ok ok", KeyOperation.CreateAlias, KeyOperation.UpdateAlias, KeyOperation.TagResource,
                KeyOperation.UntagResource, KeyOperation.UpdateKeyDescription);
        row("ok ok P  I  ok C  Up", KeyOperation.EnableKey, KeyOperation.DisableKey);
        row("ok ok P  ok ok ok Up", KeyOperation.ScheduleKeyDeletion);
        row("N  N  ok N  N  N  N ", KeyOperation.CancelKeyDeletion);
        row("ok D  P  O  O  C  ok", KeyOperation.EnableKeyRotation, KeyOperation.DisableKeyRotation);
        row("ok ok ok O  O  ok ok", KeyOperation.GetKeyRotationStatus);
        row("ok ok ok ok O  ok ok", KeyOperation.ListKeyRotations); // PendingImport: EXTERNAL symmetric keys only
        row("ok D  P  I  O  C  Up", KeyOperation.RotateKeyOnDemand);
        row("ok ok P  ok U  C  Up", KeyOperation.GetParametersForImport);
        row("ok ok P  ok U  C  ok", KeyOperation.ImportKeyMaterial);
        row("ok ok ok ok U  C  Up", KeyOperation.DeleteImportedKeyMaterial);
        row("ok D  P  I  U  C  Up", KeyOperation.ReplicateKey);
        row("ok D  P  I  U  C  ok", KeyOperation.UpdatePrimaryRegion);
    }

    private KeyStateTable() {
    }

    /** Throws the kms-api §3.4 error if {@code state} does not permit {@code op} on the key {@code arn}. */
    public static void check(KeyOperation op, KeyState state, KeyArn arn) {
        Outcome outcome = outcome(op, state);
        if (outcome != Outcome.ok) {
            throw failure(outcome, arn);
        }
    }

    public static boolean permits(KeyOperation op, KeyState state) {
        return outcome(op, state) == Outcome.ok;
    }

    /**
     * This project's rule on top of §3.4 (kms-api §4.1 ScheduleKeyDeletion): unless configured otherwise
     * an Enabled key must be disabled before it can be scheduled for deletion.
     */
    public static void checkScheduleDeletion(KeyState state, KeyArn arn, boolean requireDisabled) {
        check(KeyOperation.ScheduleKeyDeletion, state, arn);
        if (requireDisabled && state == KeyState.Enabled) {
            throw KmsException.invalidState(arn + " is enabled. Disable the key (DisableKey) before "
                    + "scheduling its deletion.");
        }
    }

    private static Outcome outcome(KeyOperation op, KeyState state) {
        Outcome[] row = ROWS.get(op);
        if (row == null) {
            throw new IllegalStateException("no key-state row for " + op);
        }
        return row[column(state)];
    }

    private static int column(KeyState state) {
        return switch (state) {
            case Enabled -> 0;
            case Disabled -> 1;
            case PendingDeletion, PendingReplicaDeletion -> 2;
            case PendingImport -> 3;
            case Unavailable -> 4;
            case Creating -> 5;
            case Updating -> 6;
        };
    }

    private static KmsException failure(Outcome outcome, KeyArn arn) {
        return switch (outcome) {
            case D -> new KmsException(KmsError.Disabled, arn + " is disabled.");
            case P -> KmsException.invalidState(arn + " is pending deletion.");
            case N -> KmsException.invalidState(arn + " is not pending deletion.");
            case I -> KmsException.invalidState(arn + " is pending import.");
            case U -> KmsException.invalidState(arn + " is unavailable.");
            case C -> KmsException.invalidState(arn + " is creating.");
            case Up -> KmsException.invalidState(arn + " is updating.");
            case O -> new KmsException(KmsError.UnsupportedOperation, ""); // AWS sends no message (§1.2)
            case ok -> throw new IllegalArgumentException("not a failure");
        };
    }

    private static void row(String outcomes, KeyOperation... ops) {
        String[] codes = outcomes.trim().split("\\s+");
        if (codes.length != 7) {
            throw new IllegalStateException("a key-state row needs 7 columns: " + outcomes);
        }
        Outcome[] row = new Outcome[7];
        for (int i = 0; i < 7; i++) {
            row[i] = Outcome.valueOf(codes[i]);
        }
        for (KeyOperation op : ops) {
            if (ROWS.put(op, row) != null) {
                throw new IllegalStateException("two key-state rows for " + op);
            }
        }
    }
}
