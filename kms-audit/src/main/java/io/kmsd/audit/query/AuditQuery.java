package io.kmsd.audit.query;

import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.Decision;
import io.kmsd.audit.RequestParameter;
import io.kmsd.audit.ResponseElement;
import io.kmsd.audit.Resource;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Filters for {@code kms audit search}; a null field does not filter. All given filters must match.
 *
 * @param from       events at or after this time
 * @param to         events before this time
 * @param key        a key ARN, key id or alias name: matches the resources and the key parameters
 * @param principal  a principal ARN (a role ARN also matches its sessions) or a 12-digit account
 * @param eventName  the operation, e.g. {@code Encrypt}
 * @param errorCode  the AWS error name, e.g. {@code AccessDeniedException}; {@value #NO_ERROR} for successes
 * @param outcome    the authorization outcome
 * @param eventId    one event (what {@code kms explain --audit-event ID} looks up)
 * @param limit      keep only the last {@code limit} matches (0: all)
 */
public record AuditQuery(Instant from, Instant to, String key, String principal, String eventName,
        String errorCode, Decision.Outcome outcome, String eventId, int limit) {
    public static final String NO_ERROR = "none";
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null, null, 0);

    public AuditQuery {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the time range is empty: from must be before to");
        }
    }

    public AuditQuery between(Instant newFrom, Instant newTo) {
        return new AuditQuery(newFrom, newTo, key, principal, eventName, errorCode, outcome, eventId, limit);
    }

    public AuditQuery withKey(String value) {
        return new AuditQuery(from, to, value, principal, eventName, errorCode, outcome, eventId, limit);
    }

    public AuditQuery withPrincipal(String value) {
        return new AuditQuery(from, to, key, value, eventName, errorCode, outcome, eventId, limit);
    }

    public AuditQuery withEventName(String value) {
        return new AuditQuery(from, to, key, principal, value, errorCode, outcome, eventId, limit);
    }

    public AuditQuery withErrorCode(String value) {
        return new AuditQuery(from, to, key, principal, eventName, value, outcome, eventId, limit);
    }

    public AuditQuery withOutcome(Decision.Outcome value) {
        return new AuditQuery(from, to, key, principal, eventName, errorCode, value, eventId, limit);
    }

    public AuditQuery withEventId(String value) {
        return new AuditQuery(from, to, key, principal, eventName, errorCode, outcome, value, limit);
    }

    public AuditQuery withLimit(int value) {
        return new AuditQuery(from, to, key, principal, eventName, errorCode, outcome, eventId, value);
    }

    public boolean matches(AuditEvent e) {
        return (from == null || !e.eventTime().isBefore(from))
                && (to == null || e.eventTime().isBefore(to))
                && (eventName == null || eventName.equals(e.eventName()))
                && (eventId == null || eventId.equals(e.eventID()))
                && (outcome == null || outcome == e.decision().outcome())
                && matchesError(e) && (key == null || matchesKey(e)) && (principal == null || matchesPrincipal(e));
    }

    private boolean matchesError(AuditEvent e) {
        if (errorCode == null) {
            return true;
        }
        return NO_ERROR.equals(errorCode) ? e.succeeded() : errorCode.equals(e.errorCode());
    }

    private boolean matchesKey(AuditEvent e) {
        Stream<String> arns = e.resources().stream().map(Resource::arn);
        Stream<String> params = Stream.of(RequestParameter.KEY_ID, RequestParameter.SOURCE_KEY_ID,
                RequestParameter.DESTINATION_KEY_ID, RequestParameter.TARGET_KEY_ID)
                .map(p -> e.requestParameters().text(p).orElse(null));
        Stream<String> response = Stream.of(e.responseElements().text(ResponseElement.KEY_ID).orElse(null));
        return Stream.of(arns, params, response).flatMap(s -> s).filter(Objects::nonNull)
                .anyMatch(v -> v.equals(key) || v.endsWith(":key/" + key));
    }

    private boolean matchesPrincipal(AuditEvent e) {
        var id = e.userIdentity();
        return principal.equals(id.arn()) || principal.equals(id.accountId())
                || (id.sessionContext() != null && principal.equals(id.sessionContext().sessionIssuer().arn()));
    }
}
