package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;

/** CreateAlias and UpdateAlias: {@code AliasName*} and {@code TargetKeyId*} (key id or ARN). */
public record AliasTargetRequest(@JsonProperty("AliasName") String aliasName,
                                 @JsonProperty("TargetKeyId") String targetKeyId) implements WireRequest {
    @Override
    public void validate(Violations v) {
        Shapes.aliasName(v, aliasName);
        Shapes.keyId(v, "targetKeyId", targetKeyId, true);
    }
}
