package io.kmsd.api.authz;

import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.key.Tag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The typed parameters of one operation that policies may ask about (key-policy-semantics K1, K3): each record
 * is one operation family's share of the request context. A request carries at most one.
 */
public sealed interface OperationFacts {

    /** CreateKey: the requested key attributes (kms:KeySpec …), its Tags (aws:RequestTag/*) and the bypass flag. */
    record KeyCreation(String keySpec, String keyUsage, String origin, boolean multiRegion, List<Tag> tags,
                       Optional<Boolean> bypassPolicyLockoutSafetyCheck) implements OperationFacts {
        public KeyCreation {
            Objects.requireNonNull(keySpec, "keySpec");
            Objects.requireNonNull(keyUsage, "keyUsage");
            Objects.requireNonNull(origin, "origin");
            tags = tags == null ? List.of() : List.copyOf(tags);
            bypassPolicyLockoutSafetyCheck = orEmpty(bypassPolicyLockoutSafetyCheck);
        }
    }

    /** PutKeyPolicy: {@code kms:BypassPolicyLockoutSafetyCheck}, present only if the request sent it (K3). */
    record PolicyWrite(Optional<Boolean> bypassPolicyLockoutSafetyCheck) implements OperationFacts {
        public PolicyWrite {
            bypassPolicyLockoutSafetyCheck = orEmpty(bypassPolicyLockoutSafetyCheck);
        }
    }

    /** TagResource ({@code tags}) and UntagResource ({@code tagKeys}). */
    record Tagging(List<Tag> tags, List<String> tagKeys) implements OperationFacts {
        public Tagging {
            tags = tags == null ? List.of() : List.copyOf(tags);
            tagKeys = tagKeys == null ? List.of() : List.copyOf(tagKeys);
        }
    }

    /** ScheduleKeyDeletion: {@code kms:ScheduleKeyDeletionPendingWindowInDays}. */
    record DeletionWindow(int pendingWindowInDays) implements OperationFacts {
    }

    /** ReEncryptFrom/ReEncryptTo: {@code kms:ReEncryptOnSameKey}. */
    record ReEncryption(boolean sameKey) implements OperationFacts {
    }

    /** CreateGrant: the grant asked for (kms:Grant* keys, E14 child-grant limits). */
    record GrantCreation(GrantPrincipal grantee, Optional<GrantPrincipal> retiringPrincipal,
                         Set<GrantOperation> operations, Optional<GrantConstraints> constraints)
            implements OperationFacts {
        public GrantCreation {
            Objects.requireNonNull(grantee, "grantee");
            retiringPrincipal = orEmpty(retiringPrincipal);
            operations = Set.copyOf(operations);
            constraints = orEmpty(constraints);
        }
    }

    /**
     * RetireGrant: the active grant named by {@code KeyId}+{@code GrantId} or by a token (E16 decides who may
     * retire it).
     */
    record GrantRetirement(Grant target) implements OperationFacts {
        public GrantRetirement {
            Objects.requireNonNull(target, "target");
        }
    }

    /** Sign and Verify: {@code kms:SigningAlgorithm} and {@code kms:MessageType} (K3; null type = RAW). */
    record Signing(String signingAlgorithm, String messageType) implements OperationFacts {
    }

    /** GenerateMac and VerifyMac: {@code kms:MacAlgorithm} (K3). */
    record MacComputation(String macAlgorithm) implements OperationFacts {
    }

    /** DeriveSharedSecret: {@code kms:KeyAgreementAlgorithm} (K3). */
    record KeyAgreement(String keyAgreementAlgorithm) implements OperationFacts {
    }

    /** GenerateDataKeyPair(WithoutPlaintext): {@code kms:DataKeyPairSpec} (K3). */
    record DataKeyPair(String keyPairSpec) implements OperationFacts {
    }

    /** EnableKeyRotation: {@code kms:RotationPeriodInDays} (null: the default 365). */
    record RotationPeriod(Integer rotationPeriodInDays) implements OperationFacts {
    }

    /** GetParametersForImport: {@code kms:WrappingAlgorithm}, {@code kms:WrappingKeySpec}. */
    record ImportParameters(String wrappingAlgorithm, String wrappingKeySpec) implements OperationFacts {
    }

    /** ImportKeyMaterial: {@code kms:ExpirationModel}, {@code kms:ValidTo}. */
    record MaterialImport(String expirationModel, java.time.Instant validTo) implements OperationFacts {
    }

    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
