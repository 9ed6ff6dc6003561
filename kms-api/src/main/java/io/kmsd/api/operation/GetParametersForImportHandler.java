package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.ImportParameters;
import io.kmsd.core.crypto.asymmetric.WrappingAlgorithm;
import io.kmsd.core.crypto.asymmetric.WrappingKeySpec;
import io.kmsd.core.key.KeyFacts;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * GetParametersForImport (kms-api §4.10): a wrapping public key and an import token for an EXTERNAL key, both
 * valid 24 hours. The algorithm/spec combinations are core's ({@code KeyImport.checkParameters}).
 */
public final class GetParametersForImportHandler extends BaseHandler<GetParametersForImportHandler.Request> {
    static final List<String> WRAPPING_ALGORITHMS = Arrays.stream(WrappingAlgorithm.values()).map(Enum::name).toList();
    static final List<String> WRAPPING_KEY_SPECS = Arrays.stream(WrappingKeySpec.values()).map(Enum::name).toList();

    public GetParametersForImportHandler(KeyAccess access) {
        super("GetParametersForImport", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId,
                          @JsonProperty("WrappingAlgorithm") String wrappingAlgorithm,
                          @JsonProperty("WrappingKeySpec") String wrappingKeySpec) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            v.required("wrappingAlgorithm", wrappingAlgorithm).oneOf("wrappingAlgorithm", wrappingAlgorithm,
                    WRAPPING_ALGORITHMS);
            v.required("wrappingKeySpec", wrappingKeySpec).oneOf("wrappingKeySpec", wrappingKeySpec,
                    WRAPPING_KEY_SPECS);
        }
    }

    public record Response(@JsonProperty("KeyId") String keyId, @JsonProperty("ImportToken") Blob importToken,
                           @JsonProperty("PublicKey") Blob publicKey,
                           @JsonProperty("ParametersValidTo") Instant parametersValidTo) {
    }

    @Override
    public Response handle(Call call, Request r) {
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts()
                .with(new OperationFacts.ImportParameters(r.wrappingAlgorithm(), r.wrappingKeySpec())));
        ImportParameters p = access.keys().parametersForImport(key.arn(),
                WrappingAlgorithm.valueOf(r.wrappingAlgorithm()), WrappingKeySpec.valueOf(r.wrappingKeySpec()));
        return new Response(key.arn().toString(), Blob.adopt(p.importToken()), Blob.adopt(p.publicKey()),
                p.parametersValidTo());
    }
}
