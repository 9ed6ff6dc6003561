package io.kmsd.api.protocol;

/**
 * The seam where the audit trail plugs in (DESIGN "Request flow" step 7): called once for every request —
 * allowed, denied or failed — before its response is sent. kms-audit's sink will implement it in a later
 * issue; until then {@link #NONE}.
 */
@FunctionalInterface
public interface AuditHook {
    AuditHook NONE = record -> { };

    void record(CallRecord record);
}
