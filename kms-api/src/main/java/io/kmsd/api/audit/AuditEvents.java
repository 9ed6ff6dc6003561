package io.kmsd.api.audit;

import io.kmsd.api.protocol.CallRecord;
import io.kmsd.api.protocol.OperationTable;
import io.kmsd.api.protocol.RequestIds;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.ResponseElements;
import io.kmsd.audit.Resource;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the one audit event of a request from its {@link CallRecord}: who (userIdentity), what (eventName,
 * requestParameters), the outcome (errorCode/errorMessage, responseElements with the key state change), which keys
 * ({@code resources}, each with its owner account, so a cross-account call is also delivered to the key owner),
 * and the decision. The event id is fresh; the request id is the {@code x-amzn-RequestId} the client got.
 */
public final class AuditEvents {
    /** An operation name outside the model is the client's text: kept, but bounded. */
    static final int MAX_UNKNOWN_NAME = 128;
    /** Requests that failed before their Region was known (no valid credential scope). */
    static final String UNKNOWN_REGION = "unknown";

    private final KeyStates states;

    public AuditEvents(KeyStates states) {
        this.states = states;
    }

    public AuditEvent of(CallRecord r) {
        AuditEvent.Builder b = AuditEvent.builder()
                .userIdentity(Identities.of(r)).eventTime(r.time()).eventName(eventName(r.operation()))
                .awsRegion(region(r)).sourceIPAddress(r.client().sourceIp().orElse(null))
                .userAgent(r.client().userAgent().orElse(null))
                .requestParameters(WireParameters.request(r.requestMembers()))
                .responseElements(responseElements(r))
                .requestID(r.requestId()).eventID(RequestIds.next()).readOnly(Operations.readOnly(r.operation()))
                .resources(resources(r))
                .recipientAccountId(r.principal().map(p -> p.account().value()).orElse(null))
                .decision(Decisions.of(r.decisions(), r.error()));
        r.error().ifPresent(e -> b.error(e.wireName(), r.errorMessage().isEmpty() ? null : r.errorMessage()));
        return b.build();
    }

    private static String eventName(String operation) {
        return OperationTable.MODEL_OPERATIONS.contains(operation) || operation.length() <= MAX_UNKNOWN_NAME
                ? operation : operation.substring(0, MAX_UNKNOWN_NAME);
    }

    private static String region(CallRecord r) {
        return r.region().map(Object::toString)
                .or(() -> r.claimed().map(CallRecord.Claimed::region).filter(Region::isValid))
                .orElse(UNKNOWN_REGION);
    }

    /** Response members, plus the state before and after for the operations that change it. */
    private ResponseElements responseElements(CallRecord r) {
        ResponseElements.Builder b = WireParameters.response(r.responseMembers());
        if (r.succeeded() && Operations.STATE_CHANGING.contains(r.operation()) && !r.keys().isEmpty()) {
            KeyArn key = r.keys().get(0);
            Optional<String> after = Optional.ofNullable(r.responseMembers().get("KeyState")).map(Object::toString)
                    .or(() -> currentState(key));
            b.keyStateChange(name(r.statesBefore().get(key)), after.orElse(null));
        }
        return b.build();
    }

    private Optional<String> currentState(KeyArn key) {
        try {
            return states.current(key).map(KeyState::name);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Every key the request touched, and the key a successful response names (CreateKey's new key). The response's
     * key is parsed only when it is not one of the touched keys already (Encrypt's KeyId is its key's ARN).
     */
    private static List<Resource> resources(CallRecord r) {
        Map<String, Object> response = r.responseMembers();
        Object named = r.succeeded() ? response.getOrDefault("KeyId", response.get("KeyMetadata.Arn")) : null;
        List<Resource> resources = new ArrayList<>(r.keys().size() + 1);
        boolean namedListed = named == null;
        for (KeyArn key : r.keys()) {
            String arn = key.toString();
            resources.add(Resource.key(arn, key.account().value()));
            namedListed |= arn.equals(named);
        }
        if (!namedListed) {
            KeyArn.parse(named.toString()).filter(k -> !r.keys().contains(k))
                    .ifPresent(k -> resources.add(Resource.key(k.toString(), k.account().value())));
        }
        return resources;
    }

    private static String name(KeyState state) {
        return state == null ? null : state.name();
    }
}
