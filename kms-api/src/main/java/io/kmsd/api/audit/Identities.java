package io.kmsd.api.audit;

import io.kmsd.api.auth.Principal;
import io.kmsd.api.protocol.CallRecord;
import io.kmsd.audit.SessionContext;
import io.kmsd.audit.UserIdentity;

/**
 * CloudTrail's {@code userIdentity} for a caller: {@code IAMUser}, {@code Root} or {@code AssumedRole} (with
 * the role as session issuer); a request that failed authentication is {@code Unknown} with the access key id it
 * presented. This server has no unique principal ids (AIDA…), so {@code principalId} is left out.
 */
final class Identities {
    private Identities() {
    }

    static UserIdentity of(CallRecord r) {
        if (r.principal().isEmpty()) {
            return UserIdentity.unknown(r.claimed().map(CallRecord.Claimed::accessKeyId).orElse(null));
        }
        Principal p = r.principal().get();
        String account = p.account().value();
        String key = p.accessKeyId().isEmpty() ? null : p.accessKeyId();
        return switch (p.type()) {
            case User -> UserIdentity.iamUser(null, p.arn(), account, key, lastSegment(p.arn()));
            case Root -> UserIdentity.root(p.arn(), account, key);
            case AssumedRole -> UserIdentity.assumedRole(null, p.arn(), account, key, session(p));
        };
    }

    /** The role that issued the session; its ARN is the principal's role ARN, else derived from the session ARN. */
    private static SessionContext session(Principal p) {
        String role = p.roleArn().orElseGet(() -> roleOf(p));
        return new SessionContext(new SessionContext.Issuer("Role", null, role, p.account().value(),
                lastSegment(role)), null);
    }

    /** {@code arn:aws:sts::A:assumed-role/R/S} → {@code arn:aws:iam::A:role/R}. */
    private static String roleOf(Principal p) {
        String[] parts = p.arn().substring(p.arn().indexOf(":assumed-role/") + 14).split("/");
        return Principal.roleArn(p.account(), "/", parts[0]);
    }

    private static String lastSegment(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
