package io.kmsd.policy.principal;

/** Caller types of key-policy-semantics section 1, named as in the decision-vector format (V2). */
public enum PrincipalType {
    User("User"),
    AssumedRole("AssumedRole"),
    FederatedUser("FederatedUser"),
    Root("Account"),
    Service(null);

    private final String contextValue;

    PrincipalType(String contextValue) {
        this.contextValue = contextValue;
    }

    /** The value of {@code aws:PrincipalType} (K1); null for service principals. */
    public String contextValue() {
        return contextValue;
    }
}
