package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;

/** The request of operations whose only member is {@code KeyId*}: EnableKey, DisableKey, CancelKeyDeletion. */
public record KeyIdRequest(@JsonProperty("KeyId") String keyId) implements WireRequest {
    @Override
    public void validate(Violations v) {
        Shapes.keyId(v, "keyId", keyId, true);
    }
}
