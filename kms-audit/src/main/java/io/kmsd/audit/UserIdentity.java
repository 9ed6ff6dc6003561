package io.kmsd.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * CloudTrail's {@code userIdentity}. {@code type} is one of CloudTrail's words: {@code Root},
 * {@code IAMUser}, {@code AssumedRole}, {@code AWSAccount}, {@code AWSService} or {@code Unknown}
 * (a request that failed authentication). Only {@code type} is required.
 */
@JsonPropertyOrder({"type", "principalId", "arn", "accountId", "accessKeyId", "userName", "sessionContext",
    "invokedBy"})
public record UserIdentity(String type, String principalId, String arn, String accountId, String accessKeyId,
        String userName, SessionContext sessionContext, String invokedBy) {

    public UserIdentity {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("userIdentity needs a type");
        }
    }

    /** A request whose caller could not be authenticated; the access key id, if any, as presented. */
    public static UserIdentity unknown(String accessKeyId) {
        return new UserIdentity("Unknown", null, null, null, accessKeyId, null, null, null);
    }

    public static UserIdentity iamUser(String principalId, String arn, String accountId, String accessKeyId,
            String userName) {
        return new UserIdentity("IAMUser", principalId, arn, accountId, accessKeyId, userName, null, null);
    }

    public static UserIdentity root(String arn, String accountId, String accessKeyId) {
        return new UserIdentity("Root", accountId, arn, accountId, accessKeyId, null, null, null);
    }

    /** A role session: arn is the {@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION} ARN. */
    public static UserIdentity assumedRole(String principalId, String arn, String accountId, String accessKeyId,
            SessionContext session) {
        return new UserIdentity("AssumedRole", principalId, arn, accountId, accessKeyId, null, session, null);
    }
}
