package io.kmsd.policy.actions;

/** The action classes of key-policy-semantics D3, used by the separation-of-duties check and the explainer. */
public enum ActionClass {
    USE_CRYPTO,
    USE_READ,
    USE_DELEGATE,
    ADMIN_PERMISSIONS,
    ADMIN_LIFECYCLE,
    ADMIN_READ,
    ACCOUNT;

    /** D3: administrative = ADMIN-PERMISSIONS or ADMIN-LIFECYCLE. */
    public boolean isAdministrative() {
        return this == ADMIN_PERMISSIONS || this == ADMIN_LIFECYCLE;
    }

    /** D3: a usage action is one in USE-CRYPTO; read classes are neutral. */
    public boolean isUsage() {
        return this == USE_CRYPTO;
    }
}
