package io.kmsd.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** CloudTrail's {@code userIdentity.sessionContext}, present for temporary (role session) credentials. */
@JsonPropertyOrder({"sessionIssuer", "attributes"})
public record SessionContext(Issuer sessionIssuer, Attributes attributes) {

    public SessionContext {
        if (sessionIssuer == null) {
            throw new IllegalArgumentException("sessionContext needs its issuer");
        }
        attributes = attributes == null ? new Attributes(null, "false") : attributes;
    }

    /** The role that issued the session. */
    @JsonPropertyOrder({"type", "principalId", "arn", "accountId", "userName"})
    public record Issuer(String type, String principalId, String arn, String accountId, String userName) {
        public Issuer {
            if (arn == null || arn.isBlank()) {
                throw new IllegalArgumentException("sessionIssuer needs an arn");
            }
            type = type == null ? "Role" : type;
        }
    }

    /** CloudTrail writes {@code mfaAuthenticated} as the string "true"/"false". */
    @JsonPropertyOrder({"creationDate", "mfaAuthenticated"})
    public record Attributes(Instant creationDate, String mfaAuthenticated) {
        public Attributes {
            creationDate = creationDate == null ? null : creationDate.truncatedTo(ChronoUnit.SECONDS);
            mfaAuthenticated = "true".equals(mfaAuthenticated) ? "true" : "false";
        }
    }
}
