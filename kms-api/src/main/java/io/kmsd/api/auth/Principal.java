package io.kmsd.api.auth;

import io.kmsd.core.key.AccountId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An authenticated caller: account, ARN, type, the role ARN of a role session, its tags
 * ({@code aws:PrincipalTag/*}), the access key it signed with, and its identity policies as raw JSON text
 * (the policy engine compiles them once, when the identities are loaded).
 */
public record Principal(AccountId account, String arn, PrincipalType type, Optional<String> roleArn,
                        Map<String, String> tags, String accessKeyId, List<String> identityPolicies) {

    public Principal {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(type, "type");
        roleArn = roleArn == null ? Optional.empty() : roleArn;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        accessKeyId = accessKeyId == null ? "" : accessKeyId;
        identityPolicies = identityPolicies == null ? List.of() : List.copyOf(identityPolicies);
    }

    /** The account's root user, as permissive mode makes for callers it does not know. */
    public static Principal root(AccountId account, String accessKeyId) {
        return new Principal(account, account.rootArn(), PrincipalType.Root, Optional.empty(), Map.of(),
                accessKeyId, List.of());
    }

    public static String userArn(AccountId account, String path, String name) {
        return "arn:aws:iam::" + account + ":user" + path + name;
    }

    public static String roleArn(AccountId account, String path, String name) {
        return "arn:aws:iam::" + account + ":role" + path + name;
    }

    public static String sessionArn(AccountId account, String role, String session) {
        return "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session;
    }

    @Override
    public String toString() {
        return "Principal[" + arn + " via " + accessKeyId + "]";
    }
}
