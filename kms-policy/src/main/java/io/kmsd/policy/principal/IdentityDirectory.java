package io.kmsd.policy.principal;

import java.util.Collection;
import java.util.Set;

/**
 * Which accounts and IAM principals exist (key-policy-semantics G8c, A14): a policy naming an unknown one is
 * rejected with {@code PrincipalNotFound}. Service principals are checked against {@link KnownServices} (G8d).
 */
public interface IdentityDirectory {

    boolean accountExists(String accountId);

    /** True when this exact user or role ARN exists. */
    boolean principalExists(String arn);

    /** True when the account has a role of this name, whatever its path (assumed-role entries, G8c). */
    boolean roleNamed(String accountId, String roleName);

    /** A directory over fixed lists, as in the decision-vector {@code directory} object (V2). */
    static IdentityDirectory of(Collection<String> accounts, Collection<String> principalArns) {
        Set<String> accs = Set.copyOf(accounts);
        Set<String> arns = Set.copyOf(principalArns);
        return new IdentityDirectory() {
            @Override
            public boolean accountExists(String accountId) {
                return accs.contains(accountId);
            }

            @Override
            public boolean principalExists(String arn) {
                return arns.contains(arn);
            }

            @Override
            public boolean roleNamed(String accountId, String roleName) {
                String prefix = ":iam::" + accountId + ":role/";
                return arns.stream().anyMatch(a -> a.contains(prefix) && a.endsWith("/" + roleName));
            }
        };
    }
}
