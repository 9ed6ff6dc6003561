package io.kmsd.api.auth;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identities known to this server, loaded once from the identities file: access key → credential, plus
 * which accounts, users and roles exist (the policy engine's directory, key-policy-semantics G8c).
 */
public final class IdentityStore {
    private final Map<String, Credential> byAccessKey;
    private final Set<String> accounts;
    private final Set<String> principalArns;

    private IdentityStore(Map<String, Credential> byAccessKey, Set<String> accounts, Set<String> principalArns) {
        this.byAccessKey = byAccessKey;
        this.accounts = accounts;
        this.principalArns = principalArns;
    }

    /**
     * A store over these credentials; {@code accounts} are 12-digit ids, {@code principalArns} the user and
     * role ARNs (with their paths). Access key ids must be unique.
     */
    public static IdentityStore of(Collection<Credential> credentials, Collection<String> accounts,
                                   Collection<String> principalArns) {
        Map<String, Credential> map = new HashMap<>();
        for (Credential c : credentials) {
            if (map.put(c.accessKeyId(), c) != null) {
                throw new IllegalArgumentException("access key " + c.accessKeyId() + " is defined twice");
            }
        }
        return new IdentityStore(Map.copyOf(map), Set.copyOf(accounts), Set.copyOf(principalArns));
    }

    public static IdentityStore empty() {
        return of(List.of(), List.of(), List.of());
    }

    public Optional<Credential> credential(String accessKeyId) {
        return Optional.ofNullable(byAccessKey.get(accessKeyId));
    }

    /** Every principal some access key acts as (one per ARN), e.g. to compile their identity policies once. */
    public Collection<Principal> principals() {
        Map<String, Principal> byArn = new HashMap<>();
        byAccessKey.values().forEach(c -> byArn.putIfAbsent(c.principal().arn(), c.principal()));
        return List.copyOf(byArn.values());
    }

    public int size() {
        return byAccessKey.size();
    }

    public boolean accountExists(String accountId) {
        return accounts.contains(accountId);
    }

    public boolean principalExists(String arn) {
        return principalArns.contains(arn);
    }

    /** True when the account has a role of this name, whatever its path. */
    public boolean roleNamed(String accountId, String roleName) {
        String prefix = "arn:aws:iam::" + accountId + ":role/";
        return principalArns.stream().anyMatch(a -> a.startsWith(prefix) && a.endsWith("/" + roleName));
    }

    @Override
    public String toString() {
        return "IdentityStore[" + accounts.size() + " accounts, " + byAccessKey.size() + " access keys]";
    }
}
