package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.PublicKeyInfo;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyUsage;
import java.util.List;

/**
 * GetPublicKey (kms-api §4.6): the DER SubjectPublicKeyInfo with the key's spec, usage and the one algorithm list
 * that matches the usage. Core checks the state (§3.4, Disabled → DisabledException per §7) and answers
 * UnsupportedOperation for symmetric and HMAC keys.
 */
public final class GetPublicKeyHandler extends BaseHandler<GetPublicKeyHandler.Request> {

    public GetPublicKeyHandler(KeyAccess access) {
        super("GetPublicKey", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId, @JsonProperty("GrantTokens") List<String> grantTokens)
            implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            Shapes.grantTokens(v, grantTokens);
        }
    }

    public record Response(@JsonProperty("KeyId") String keyId, @JsonProperty("PublicKey") Blob publicKey,
                           @JsonProperty("CustomerMasterKeySpec") String customerMasterKeySpec,
                           @JsonProperty("KeySpec") String keySpec, @JsonProperty("KeyUsage") String keyUsage,
                           @JsonProperty("EncryptionAlgorithms") List<String> encryptionAlgorithms,
                           @JsonProperty("SigningAlgorithms") List<String> signingAlgorithms,
                           @JsonProperty("KeyAgreementAlgorithms") List<String> keyAgreementAlgorithms) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_ARN_OR_ALIAS, action(),
                call.facts().withGrantTokens(r.grantTokens()));
        PublicKeyInfo info = access.keys().publicKey(key.arn());
        return new Response(info.key().toString(), Blob.adopt(info.publicKey()), info.customerMasterKeySpec(),
                info.keySpec().name(), info.keyUsage().name(), listFor(info, KeyUsage.ENCRYPT_DECRYPT),
                listFor(info, KeyUsage.SIGN_VERIFY), listFor(info, KeyUsage.KEY_AGREEMENT));
    }

    /** The algorithms if {@code usage} is the key's, else absent (§4.6: only the matching list). */
    private static List<String> listFor(PublicKeyInfo info, KeyUsage usage) {
        return info.keyUsage() == usage ? info.algorithms() : null;
    }
}
