package io.kmsd.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One audit record in CloudTrail's vocabulary (record version 1.08), plus our {@code decision}.
 * JSON field order is fixed (CloudTrail's), so equal events serialize to equal bytes.
 *
 * <p>Nothing here can hold a plaintext, ciphertext or key material: parameters and response elements
 * are closed enums of text values ({@link RequestParameters}, {@link ResponseElements}).
 */
@JsonPropertyOrder({"eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion",
    "sourceIPAddress", "userAgent", "errorCode", "errorMessage", "requestParameters", "responseElements",
    "requestID", "eventID", "readOnly", "resources", "eventType", "managementEvent", "recipientAccountId",
    "sharedEventID", "eventCategory", "decision"})
public record AuditEvent(String eventVersion, UserIdentity userIdentity, Instant eventTime, String eventSource,
        String eventName, String awsRegion, String sourceIPAddress, String userAgent, String errorCode,
        String errorMessage, RequestParameters requestParameters, ResponseElements responseElements,
        String requestID, String eventID, boolean readOnly, List<Resource> resources, String eventType,
        boolean managementEvent, String recipientAccountId, String sharedEventID, String eventCategory,
        Decision decision) {

    public static final String EVENT_VERSION = "1.08";
    public static final String KMS_SOURCE = "kms.amazonaws.com";
    static final int MAX_USER_AGENT = 1024;

    public AuditEvent {
        require(userIdentity, "userIdentity");
        require(eventTime, "eventTime");
        require(eventName, "eventName");
        require(awsRegion, "awsRegion");
        require(requestID, "requestID");
        require(eventID, "eventID");
        require(decision, "decision");
        eventVersion = orDefault(eventVersion, EVENT_VERSION);
        eventSource = orDefault(eventSource, KMS_SOURCE);
        eventType = orDefault(eventType, "AwsApiCall");
        eventCategory = orDefault(eventCategory, "Management");
        eventTime = eventTime.truncatedTo(ChronoUnit.MILLIS);
        userAgent = cut(userAgent, MAX_USER_AGENT);
        errorMessage = cut(errorMessage, ValueKind.MAX_TEXT);
        requestParameters = requestParameters == null ? RequestParameters.NONE : requestParameters;
        responseElements = responseElements == null ? ResponseElements.NONE : responseElements;
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when the request succeeded (no error code). */
    public boolean succeeded() {
        return errorCode == null;
    }

    /** The same event delivered to another account, as CloudTrail does for cross-account calls. */
    public AuditEvent copyFor(String recipient, String newEventId, String sharedId) {
        return new AuditEvent(eventVersion, userIdentity, eventTime, eventSource, eventName, awsRegion,
                sourceIPAddress, userAgent, errorCode, errorMessage, requestParameters, responseElements,
                requestID, newEventId, readOnly, resources, eventType, managementEvent, recipient, sharedId,
                eventCategory, decision);
    }

    private static void require(Object value, String name) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException("audit event needs " + name);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max) + ValueKind.CUT_MARK;
    }

    /** Fills the defaults (version, source, type, category, management event) and validates on build. */
    public static final class Builder {
        private UserIdentity userIdentity;
        private Instant eventTime;
        private String eventName;
        private String awsRegion;
        private String sourceIPAddress;
        private String userAgent;
        private String errorCode;
        private String errorMessage;
        private RequestParameters requestParameters;
        private ResponseElements responseElements;
        private String requestID;
        private String eventID;
        private boolean readOnly;
        private List<Resource> resources;
        private String eventType;
        private String recipientAccountId;
        private Decision decision;

        private Builder() {
        }

        public Builder userIdentity(UserIdentity v) { this.userIdentity = v; return this; }
        public Builder eventTime(Instant v) { this.eventTime = v; return this; }
        public Builder eventName(String v) { this.eventName = v; return this; }
        public Builder awsRegion(String v) { this.awsRegion = v; return this; }
        public Builder sourceIPAddress(String v) { this.sourceIPAddress = v; return this; }
        public Builder userAgent(String v) { this.userAgent = v; return this; }
        public Builder requestParameters(RequestParameters v) { this.requestParameters = v; return this; }
        public Builder responseElements(ResponseElements v) { this.responseElements = v; return this; }
        public Builder requestID(String v) { this.requestID = v; return this; }
        public Builder eventID(String v) { this.eventID = v; return this; }
        public Builder readOnly(boolean v) { this.readOnly = v; return this; }
        public Builder resources(List<Resource> v) { this.resources = v; return this; }
        public Builder eventType(String v) { this.eventType = v; return this; }
        public Builder recipientAccountId(String v) { this.recipientAccountId = v; return this; }
        public Builder decision(Decision v) { this.decision = v; return this; }

        /** A failed request: the AWS error name (e.g. AccessDeniedException) and its client message. */
        public Builder error(String code, String message) {
            this.errorCode = code;
            this.errorMessage = message;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(null, userIdentity, eventTime, null, eventName, awsRegion, sourceIPAddress,
                    userAgent, errorCode, errorMessage, requestParameters, responseElements, requestID, eventID,
                    readOnly, resources, eventType, true, recipientAccountId, null, null, decision);
        }
    }
}
