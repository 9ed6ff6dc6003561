package io.kmsd.api.operation;

import io.kmsd.api.protocol.OperationHandler;
import java.util.List;

/**
 * Every operation this server implements (issue 2: lifecycle, aliases, tags, symmetric crypto, key policy;
 * issue 4: grants; issue 7: asymmetric keys, HMAC, key agreement, rotation, imported key material; issue 6:
 * ExplainAccess).
 */
public final class Handlers {
    private Handlers() {
    }

    public static List<OperationHandler<?>> all(KeyAccess access) {
        return List.of(
                new CreateKeyHandler(access), new DescribeKeyHandler(access), new ListKeysHandler(access),
                new EnableKeyHandler(access), new DisableKeyHandler(access), new UpdateKeyDescriptionHandler(access),
                new ScheduleKeyDeletionHandler(access), new CancelKeyDeletionHandler(access),
                new CreateAliasHandler(access), new UpdateAliasHandler(access), new DeleteAliasHandler(access),
                new ListAliasesHandler(access),
                new TagResourceHandler(access), new UntagResourceHandler(access), new ListResourceTagsHandler(access),
                new EncryptHandler(access), new DecryptHandler(access), new ReEncryptHandler(access),
                new GenerateDataKeyHandler(access), new GenerateDataKeyWithoutPlaintextHandler(access),
                new GenerateRandomHandler(access),
                new GetKeyPolicyHandler(access), new PutKeyPolicyHandler(access), new ListKeyPoliciesHandler(access),
                new CreateGrantHandler(access), new ListGrantsHandler(access), new ListRetirableGrantsHandler(access),
                new RetireGrantHandler(access), new RevokeGrantHandler(access),
                new SignHandler(access), new VerifyHandler(access), new GetPublicKeyHandler(access),
                new GenerateMacHandler(access), new VerifyMacHandler(access), new DeriveSharedSecretHandler(access),
                new GenerateDataKeyPairHandler(access), new GenerateDataKeyPairWithoutPlaintextHandler(access),
                new ExplainAccessHandler(access),
                // issue 7: rotation
                new EnableKeyRotationHandler(access), new DisableKeyRotationHandler(access),
                new GetKeyRotationStatusHandler(access), new RotateKeyOnDemandHandler(access),
                new ListKeyRotationsHandler(access),
                // issue 7: imported key material
                new GetParametersForImportHandler(access), new ImportKeyMaterialHandler(access),
                new DeleteImportedKeyMaterialHandler(access));
    }
}
