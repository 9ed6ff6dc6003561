package io.kmsd.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * CloudTrail delivers a cross-account call to the caller's account and to each key owner's account,
 * as separate records linked by {@code sharedEventID}. Ids are derived from the original event id, so
 * the copies are reproducible.
 */
public final class CrossAccountCopies {
    private CrossAccountCopies() {
    }

    /** The caller's record first, then one per other owning account; a same-account call is one record. */
    public static List<AuditEvent> of(AuditEvent event) {
        String caller = event.recipientAccountId() != null ? event.recipientAccountId()
                : event.userIdentity().accountId();
        Set<String> owners = new LinkedHashSet<>();
        for (Resource r : event.resources()) {
            if (r.accountId() != null && !r.accountId().equals(caller)) {
                owners.add(r.accountId());
            }
        }
        if (owners.isEmpty()) {
            return List.of(event.copyFor(caller, event.eventID(), event.sharedEventID()));
        }
        String shared = derive("shared", event.eventID());
        List<AuditEvent> copies = new ArrayList<>();
        copies.add(event.copyFor(caller, event.eventID(), shared));
        owners.forEach(o -> copies.add(event.copyFor(o, derive(o, event.eventID()), shared)));
        return copies;
    }

    private static String derive(String salt, String eventId) {
        return UUID.nameUUIDFromBytes((salt + ":" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
