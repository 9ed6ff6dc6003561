package io.kmsd.api.wire;

/** A request record of one operation: raw wire values that check their model constraints (kms-api §1.3). */
public interface WireRequest {

    /** Adds every model-constraint violation of this request to {@code v}; adds nothing when valid. */
    void validate(Violations v);
}
