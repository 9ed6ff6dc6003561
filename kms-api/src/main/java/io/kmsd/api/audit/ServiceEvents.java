package io.kmsd.api.audit;

import io.kmsd.api.protocol.RequestIds;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.Decision;
import io.kmsd.audit.Resource;
import io.kmsd.audit.UserIdentity;
import io.kmsd.core.key.KeyArn;
import java.time.Instant;
import java.util.List;

/**
 * Events the service writes on its own, with no request behind them: today the {@code DeleteKey} of a key whose
 * waiting period ended (kms-api §4.1: "audit event DeleteKey"). Shaped as CloudTrail records it: eventType
 * {@code AwsServiceEvent}, the service as caller ({@code invokedBy}, source IP and user agent
 * {@code kms.amazonaws.com}, the key owner's account), the key ARN as the one resource, delivered to the owner.
 * CloudTrail leaves {@code requestID} out of service events; our records always carry one, so it gets a fresh id
 * (no client ever saw it). The decision is {@code NOT_EVALUATED}: no authorization was asked for.
 */
final class ServiceEvents {
    static final String SERVICE = AuditEvent.KMS_SOURCE;
    static final String SERVICE_EVENT = "AwsServiceEvent";
    static final String DELETED_REASON = "scheduled deletion: the waiting period ended";

    private ServiceEvents() {
    }

    static AuditEvent keyDeleted(KeyArn key, Instant at) {
        String owner = key.account().value();
        return AuditEvent.builder().eventType(SERVICE_EVENT).eventName("DeleteKey").eventTime(at)
                .userIdentity(new UserIdentity("AWSService", null, null, owner, null, null, null, SERVICE))
                .awsRegion(key.region().toString()).sourceIPAddress(SERVICE).userAgent(SERVICE)
                .requestID(RequestIds.next()).eventID(RequestIds.next()).readOnly(false)
                .resources(List.of(Resource.key(key.toString(), owner))).recipientAccountId(owner)
                .decision(Decision.notEvaluated(DELETED_REASON)).build();
    }
}
