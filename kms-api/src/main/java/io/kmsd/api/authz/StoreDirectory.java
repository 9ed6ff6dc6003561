package io.kmsd.api.authz;

import io.kmsd.api.auth.IdentityStore;
import io.kmsd.policy.principal.IdentityDirectory;

/** The identities file as the engine's directory of existing accounts, users and roles (key-policy-semantics G8c). */
final class StoreDirectory implements IdentityDirectory {
    private final IdentityStore store;

    StoreDirectory(IdentityStore store) {
        this.store = store;
    }

    @Override
    public boolean accountExists(String accountId) {
        return store.accountExists(accountId);
    }

    @Override
    public boolean principalExists(String arn) {
        return store.principalExists(arn);
    }

    @Override
    public boolean roleNamed(String accountId, String roleName) {
        return store.roleNamed(accountId, roleName);
    }
}
