package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.api.wire.WireTag;
import io.kmsd.core.NewKey;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import io.kmsd.core.key.Origin;
import java.util.List;
import java.util.Optional;

/**
 * CreateKey (kms-api §4.1): IAM-only (key-policy-semantics E18); with Tags it also needs kms:TagResource; a
 * given Policy is validated and lockout-checked like PutKeyPolicy (L1–L4), otherwise core stores the API
 * default policy (D1).
 */
public final class CreateKeyHandler extends BaseHandler<CreateKeyHandler.Request> {

    public CreateKeyHandler(KeyAccess access) {
        super("CreateKey", Request.class, access);
    }

    public record Request(@JsonProperty("Policy") String policy, @JsonProperty("Description") String description,
                          @JsonProperty("KeyUsage") String keyUsage,
                          @JsonProperty("CustomerMasterKeySpec") String customerMasterKeySpec,
                          @JsonProperty("KeySpec") String keySpec, @JsonProperty("Origin") String origin,
                          @JsonProperty("CustomKeyStoreId") String customKeyStoreId,
                          @JsonProperty("BypassPolicyLockoutSafetyCheck") Boolean bypassPolicyLockoutSafetyCheck,
                          @JsonProperty("Tags") List<WireTag> tags, @JsonProperty("MultiRegion") Boolean multiRegion,
                          @JsonProperty("XksKeyId") String xksKeyId) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.policy(v, policy, false);
            v.length("description", description, 0, 8192);
            v.oneOf("keyUsage", keyUsage, Shapes.KEY_USAGE);
            v.oneOf("customerMasterKeySpec", customerMasterKeySpec, Shapes.CUSTOMER_MASTER_KEY_SPEC);
            v.oneOf("keySpec", keySpec, Shapes.KEY_SPEC);
            v.oneOf("origin", origin, Shapes.ORIGIN);
            v.length("customKeyStoreId", customKeyStoreId, 1, 64);
            Shapes.tags(v, tags, false);
            v.length("xksKeyId", xksKeyId, 1, 128).pattern("xksKeyId", xksKeyId, Shapes.XKS_KEY_ID);
        }
    }

    public record Response(@JsonProperty("KeyMetadata") KeyMetadataView keyMetadata) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeySpec spec = spec(r);
        KeyUsage usage = usage(spec, r.keyUsage());
        if (r.customKeyStoreId() != null) { // kms-api §4.11 phase 1: no custom key stores
            throw new KmsException(KmsError.CustomKeyStoreNotFound,
                    "Custom key store " + r.customKeyStoreId() + " does not exist.");
        }
        RequestFacts facts = call.facts().with(new OperationFacts.KeyCreation(spec.name(), usage.name(),
                r.origin() == null ? "AWS_KMS" : r.origin(), Boolean.TRUE.equals(r.multiRegion()),
                Tags.toCore(r.tags()), Optional.ofNullable(r.bypassPolicyLockoutSafetyCheck())));
        access.authorizeIamOnly(call, action(), facts);
        if (r.tags() != null && !r.tags().isEmpty()) {
            access.authorizeIamOnly(call, "kms:TagResource", facts);
        }
        if (r.policy() != null) {
            access.checkNewKeyPolicy(call, action(), facts, r.policy());
        }
        NewKey key = new NewKey(call.account(), call.region(), r.description(), spec,
                r.keyUsage() == null ? null : usage, r.origin() == null ? null : Origin.valueOf(r.origin()),
                Tags.toCore(r.tags()), r.policy(), Boolean.TRUE.equals(r.multiRegion()));
        return new Response(KeyMetadataView.of(access.keys().createKey(key)));
    }

    /** KeySpec or its deprecated twin, not both (kms-api §4.1). */
    private static KeySpec spec(Request r) {
        if (r.keySpec() != null && r.customerMasterKeySpec() != null) {
            throw KmsException.validation("You cannot specify KeySpec and CustomerMasterKeySpec in the same request. "
                    + "CustomerMasterKeySpec is deprecated: use KeySpec.");
        }
        String name = r.keySpec() != null ? r.keySpec() : r.customerMasterKeySpec();
        return name == null ? KeySpec.SYMMETRIC_DEFAULT : KeySpec.valueOf(name);
    }

    /** kms-api §4.1: non-symmetric specs need a usage, and the usage must fit the spec (§3.2). */
    private static KeyUsage usage(KeySpec spec, String given) {
        if (given == null) {
            if (spec.requiresExplicitUsage()) {
                throw KmsException.validation("You must specify a KeyUsage value for all KMS keys except for "
                        + "symmetric encryption keys.");
            }
            return KeyUsage.ENCRYPT_DECRYPT;
        }
        KeyUsage usage = KeyUsage.valueOf(given);
        if (!spec.supports(usage)) {
            throw KmsException.validation("KeyUsage " + usage + " is not compatible with KeySpec " + spec);
        }
        return usage;
    }
}
