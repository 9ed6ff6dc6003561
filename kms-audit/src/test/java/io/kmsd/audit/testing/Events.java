package io.kmsd.audit.testing;

import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.Decision;
import io.kmsd.audit.RequestParameters;
import io.kmsd.audit.RequestParameter;
import io.kmsd.audit.Resource;
import io.kmsd.audit.ResponseElement;
import io.kmsd.audit.SessionContext;
import io.kmsd.audit.ResponseElements;
import io.kmsd.audit.UserIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Realistic events for tests. */
public final class Events {
    public static final String ACCOUNT = "111122223333";
    public static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    public static final String ALICE = "arn:aws:iam::111122223333:user/alice";

    private Events() {
    }

    /** A successful Encrypt by alice, number {@code n} (its request id ends in n). */
    public static AuditEvent encrypt(int n, Instant at) {
        return base(n, at).eventName("Encrypt")
                .requestParameters(RequestParameters.builder().keyId("alias/app")
                        .encryptionContext(Map.of("purpose", "test", "n", Integer.toString(n)))
                        .encryptionAlgorithm("SYMMETRIC_DEFAULT").build())
                .responseElements(ResponseElements.builder().keyId(KEY_ARN).build())
                .decision(new Decision(Decision.Outcome.ALLOW, List.of(new Decision.Ref("keyPolicy", "AllowUse")),
                        "allowed by the key policy"))
                .build();
    }

    /** A DisableKey by alice denied by the key policy. */
    public static AuditEvent deniedDisable(int n, Instant at) {
        return base(n, at).eventName("DisableKey")
                .requestParameters(RequestParameters.builder().keyId(KEY_ARN).build())
                .error("AccessDeniedException", "User: " + ALICE + " is not authorized to perform: kms:DisableKey")
                .decision(new Decision(Decision.Outcome.EXPLICIT_DENY,
                        List.of(new Decision.Ref("keyPolicy", "DenyAdmin")), "explicit deny in the key policy"))
                .build();
    }

    /** An event using every value kind and every nested part, for round trips. */
    public static AuditEvent builderWithEveryKind(Instant at) {
        SessionContext session = new SessionContext(new SessionContext.Issuer("Role", "AROA1",
                "arn:aws:iam::111122223333:role/R", ACCOUNT, "R"), new SessionContext.Attributes(at, "true"));
        return base(99, at).eventName("CreateGrant")
                .userIdentity(UserIdentity.assumedRole("AROA1:s", "arn:aws:sts::111122223333:assumed-role/R/s",
                        ACCOUNT, "ASIA1", session))
                .requestParameters(RequestParameters.builder().keyId(KEY_ARN)
                        .put(RequestParameter.OPERATIONS, List.of("Encrypt", "Decrypt"))
                        .put(RequestParameter.ENCRYPTION_CONTEXT_SUBSET, Map.of("dept", "it"))
                        .put(RequestParameter.NUMBER_OF_BYTES, 32L).put(RequestParameter.DRY_RUN, false)
                        .put(RequestParameter.VALID_TO, at).grantTokens(List.of("tok1")).build())
                .responseElements(ResponseElements.builder().keyId(KEY_ARN).keyStateChange("Enabled", "Disabled")
                        .put(ResponseElement.DELETION_DATE, at).put(ResponseElement.PENDING_WINDOW_IN_DAYS, 7L)
                        .put(ResponseElement.SIGNATURE_VALID, true).build())
                .decision(new Decision(Decision.Outcome.ALLOW, List.of(new Decision.Ref("grant", "ab".repeat(32))),
                        "allowed by grant"))
                .build();
    }

    public static AuditEvent.Builder base(int n, Instant at) {
        return AuditEvent.builder()
                .userIdentity(UserIdentity.iamUser("AIDAALICE", ALICE, ACCOUNT, "AKIAALICE", "alice"))
                .eventTime(at).awsRegion("us-east-1").sourceIPAddress("127.0.0.1").userAgent("aws-sdk-java/2")
                .requestID(String.format("00000000-0000-4000-8000-%012d", n))
                .eventID(UUID.nameUUIDFromBytes(("event" + n).getBytes()).toString())
                .resources(List.of(Resource.key(KEY_ARN, ACCOUNT)))
                .recipientAccountId(ACCOUNT);
    }
}
